package dev.partnerhub.operator.provider;

import dev.partnerhub.providers.spi.LicensingProvider;
import dev.partnerhub.providers.spi.ProvisioningProvider;

/**
 * The clients of one PartnerConnection (and its registry key), ready to act, or why there are none now: a CamelCase
 * reason and a message naming what is missing, for a condition.
 */
public record Resolved(String connection, ProvisioningProvider provider, LicensingProvider licensing, String reason,
        String message) {

    static Resolved ready(String connection, ProvisioningProvider provider, LicensingProvider licensing) {
        return new Resolved(connection, provider, licensing, null, null);
    }

    static Resolved blocked(String reason, String message) {
        return new Resolved(null, null, null, reason, message);
    }

    public boolean isReady() {
        return provider != null;
    }
}
