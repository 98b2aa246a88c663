package dev.partnerhub.providers.spi;

import java.util.List;

/**
 * The desired state of a customer organization, as the provider needs it; a null field is not declared.
 *
 * @param key         its value of the provider's customer key
 * @param onboarding  the onboarding template (provisioning ID)
 * @param attachOrgId an existing org to attach instead of creating one
 */
public record CustomerRequest(String key, String onboarding, String name, String primaryEmail, String language,
        List<String> packages, PostalAddress address, String attachOrgId) {

    /** A billing address. */
    public record PostalAddress(String addressLine1, String addressLine2, String city, String stateOrProvince,
            String zipOrPostalCode, String country) {
    }
}
