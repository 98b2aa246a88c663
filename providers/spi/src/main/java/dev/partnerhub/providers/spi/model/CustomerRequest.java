package dev.partnerhub.providers.spi.model;

import java.util.List;

/**
 * The desired state of a customer organization, as the provider needs it; a null field is not declared.
 *
 * @param key         its value of the provider's customer key
 * @param onboarding  the onboarding template (provisioning ID)
 * @param attachOrgId an existing org to attach instead of creating one
 * @param calling     the office calling packages are provisioned for ({@link CustomerField#CALLING_LOCATION}), with
 *                    its defaults resolved; null when not declared
 */
public record CustomerRequest(String key, String onboarding, String name, String primaryEmail, String language,
        List<String> packages, PostalAddress address, String attachOrgId, CallingLocation calling) {

    /** A request without a calling location. */
    public CustomerRequest(String key, String onboarding, String name, String primaryEmail, String language,
            List<String> packages, PostalAddress address, String attachOrgId) {
        this(key, onboarding, name, primaryEmail, language, packages, address, attachOrgId, null);
    }

    /** The same request with this calling location. */
    public CustomerRequest withCalling(CallingLocation location) {
        return new CustomerRequest(key, onboarding, name, primaryEmail, language, packages, address, attachOrgId,
                location);
    }

    /** A billing address. */
    public record PostalAddress(String addressLine1, String addressLine2, String city, String stateOrProvince,
            String zipOrPostalCode, String country) {
    }

    /**
     * The office whose calling configuration a customer's calling packages are provisioned with.
     *
     * @param language                    the language of its generated emails and voice announcements
     * @param emergencyLocationIdentifier sent with emergency calls from it; null when not declared
     */
    public record CallingLocation(String name, PostalAddress address, String timezone, String language,
            String emergencyLocationIdentifier) {
    }
}
