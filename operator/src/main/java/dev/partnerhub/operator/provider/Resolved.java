package dev.partnerhub.operator.provider;

import dev.partnerhub.providers.spi.Capabilities;
import dev.partnerhub.providers.spi.CustomerScope;
import dev.partnerhub.providers.spi.Provider;

/**
 * A Customer ready to act with its connection's provider, or why it cannot now: a CamelCase reason and a message
 * naming what is missing, for a condition.
 *
 * @param connection the connection's registry key
 * @param scope      where the provider files the customer's users; null until the provider has the customer (a
 *                   customer the partner creates)
 * @param orgId      the customer's org, once the provider has one
 */
public record Resolved(String connection, Provider provider, CustomerScope scope, String orgId, String reason,
        String message) {

    static Resolved ready(String connection, Provider provider, CustomerScope scope, String orgId) {
        return new Resolved(connection, provider, scope, orgId, null, null);
    }

    static Resolved blocked(String reason, String message) {
        return new Resolved(null, null, null, null, reason, message);
    }

    public boolean isReady() {
        return provider != null;
    }

    public Capabilities capabilities() {
        return provider.capabilities();
    }
}
