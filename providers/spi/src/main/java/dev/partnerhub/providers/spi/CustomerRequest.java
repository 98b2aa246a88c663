package dev.partnerhub.providers.spi;

import java.util.List;

/** The desired state of a customer organization, as the provider needs it; {@code attachOrgId} attaches an existing org. */
public record CustomerRequest(String externalId, String spEnterpriseId, String provisioningId, String name,
        String primaryEmail, String language, List<String> packages, PostalAddress address, String attachOrgId) {

    /** A billing address. */
    public record PostalAddress(String addressLine1, String addressLine2, String city, String stateOrProvince,
            String zipOrPostalCode, String country) {
    }
}
