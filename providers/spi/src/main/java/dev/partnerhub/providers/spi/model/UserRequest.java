package dev.partnerhub.providers.spi.model;

/**
 * The desired state of one user, as the provider needs it; a null field is not declared.
 *
 * @param key        its value of the provider's user key
 * @param onboarding the onboarding template (its customer's provisioning ID), where users need one
 * @param password   the temporary password of a new user, where the provider takes one ({@link Feature#PASSWORDS})
 */
public record UserRequest(String key, String email, String firstName, String lastName, String displayName,
        String packageName, String phoneNumber, String extension, String locationId, String usageLocation,
        String onboarding, String password) {

    /** The same request with a temporary password. */
    public UserRequest withPassword(String temporaryPassword) {
        return new UserRequest(key, email, firstName, lastName, displayName, packageName, phoneNumber, extension,
                locationId, usageLocation, onboarding, temporaryPassword);
    }

    @Override
    public String toString() {
        return "UserRequest[key=" + key + ", package=" + packageName + (password == null ? "" : ", password=***") + "]";
    }
}
