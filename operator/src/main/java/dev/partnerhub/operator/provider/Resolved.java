package dev.partnerhub.operator.provider;

import dev.partnerhub.operator.status.CommonReason;
import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.providers.spi.model.Capabilities;
import dev.partnerhub.providers.spi.model.CustomerScope;
import java.time.Duration;

/**
 * A Customer ready to act with its connection's provider, or why it cannot now: a reason and a message
 * naming what is missing, for a condition.
 *
 * @param connection the connection's registry key
 * @param scope      where the provider files the customer's users; null until the provider has the customer (a
 *                   customer the partner creates)
 * @param orgId      the customer's org, once the provider has one
 * @param tolerance  how old the shared snapshots (subscribers, people, licences) read for it may be; null: the
 *                   directories' max-age. A converged object that only looks for drift tolerates up to its resync
 *                   interval, so that one list per customer per resync serves all its users.
 */
public record Resolved(String connection, Provider provider, CustomerScope scope, String orgId, CommonReason reason,
        String message, Duration tolerance) {

    static Resolved ready(String connection, Provider provider, CustomerScope scope, String orgId) {
        return new Resolved(connection, provider, scope, orgId, null, null, null);
    }

    static Resolved blocked(CommonReason reason, String message) {
        return new Resolved(null, null, null, null, reason, message, null);
    }

    /** The same, reading snapshots up to {@code age} old. */
    public Resolved tolerating(Duration age) {
        return new Resolved(connection, provider, scope, orgId, reason, message, age);
    }

    /** The same, reading snapshots no older than the directories' max-age: before a change is made. */
    public Resolved strict() {
        return tolerance == null ? this : new Resolved(connection, provider, scope, orgId, reason, message, null);
    }

    public boolean isReady() {
        return provider != null;
    }

    public Capabilities capabilities() {
        return provider.capabilities();
    }
}
