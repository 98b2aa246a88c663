package dev.partnerhub.providers.spi;

/** The desired state of one user, as the provider needs it. */
public record SubscriberRequest(CustomerScope customer, String provisioningId, String userId, String email,
        String firstName, String lastName, String packageName, String phoneNumber, String extension,
        String locationId) {
}
