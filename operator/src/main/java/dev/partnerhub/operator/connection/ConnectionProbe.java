package dev.partnerhub.operator.connection;

import dev.partnerhub.api.v1alpha1.PartnerConnection;
import dev.partnerhub.operator.OperatorConfig;
import dev.partnerhub.operator.provider.ConnectionException;
import dev.partnerhub.operator.provider.ProviderRegistry;
import dev.partnerhub.operator.status.CommonReason;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.operator.status.Paused;
import dev.partnerhub.operator.status.Reason;
import dev.partnerhub.operator.status.StatusSupport;
import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.providers.spi.errors.ProviderAuthenticationException;
import dev.partnerhub.providers.spi.errors.ProviderException;
import dev.partnerhub.providers.spi.errors.ProviderRejectedException;
import dev.partnerhub.providers.spi.errors.ProviderUnavailableException;
import dev.partnerhub.providers.spi.http.CircuitBreaker;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * A connection's authenticated probe and what its outcome says: Ready; Stalled where a person must act (credentials,
 * spec); or, while the provider gives no usable answer, not Ready with ProviderUnavailable (Quarantined after a long
 * outage) and not Stalled, in one message that stays the same for the whole outage, so that it is written once.
 */
@ApplicationScoped
public class ConnectionProbe {

    private final ProviderRegistry registry;
    private final CredentialsReport report;
    private final OperatorConfig config;

    public ConnectionProbe(ProviderRegistry registry, CredentialsReport report, OperatorConfig config) {
        this.registry = registry;
        this.report = report;
        this.config = config;
    }

    /**
     * A paused connection ({@link Paused}): its provider is made from the spec and the Secret as usual, so that its
     * Customers can still use it, but nothing is sent; the next round waits for an event.
     */
    Duration paused(PartnerConnection connection, Conditions conditions) {
        try {
            registry.refresh(connection);
        } catch (ConnectionException e) {
            conditions.stall(e.reason(), e.getMessage());
        }
        conditions.paused(Paused.message(connection, false));
        return null;
    }

    /** Probes the provider; returns when to look again. */
    Duration probe(PartnerConnection connection, Conditions conditions) {
        try {
            Provider provider = registry.refresh(connection);
            provider.probe();
            conditions.ready(true, ConnectionReason.ProbeSucceeded, "An authenticated call to the provider succeeded.")
                    .synced(true, ConnectionReason.ProbeSucceeded, "An authenticated call to the provider succeeded.")
                    .notStalled();
            return config.polling().probe();
        } catch (ConnectionException e) {
            conditions.stall(e.reason(), e.getMessage());
            return config.polling().blocked();
        } catch (ProviderAuthenticationException e) {
            String message = report.renewed(connection) ? "The identity service or the provider refused the OAuth "
                    + "client of spec.credentialsSecretRef (HTTP " + e.httpStatus() + "): "
                    + StatusSupport.firstDescription(e) + " A person must sign in again with the client (docs/"
                    + "real-accounts.md) and put the new refresh token in the Secret under key "
                    + "refreshToken; check clientId and clientSecret too."
                    : "The provider refused the token in spec.credentialsSecretRef (HTTP " + e.httpStatus() + "): "
                    + StatusSupport.firstDescription(e) + " Put a valid token in the Secret.";
            conditions.refused(ConnectionReason.CredentialsRejected, message);
            return config.polling().blocked();
        } catch (ProviderRejectedException e) {
            String message = "The probe call was refused (HTTP " + e.httpStatus() + "): "
                    + StatusSupport.firstDescription(e) + " Check spec.endpoint and the provider settings of the spec.";
            conditions.refused(ConnectionReason.ProbeRejected, message);
            return config.polling().blocked();
        } catch (ProviderUnavailableException e) {
            // No usable answer: none, a server error, or one that is not the API's (a ProviderProtocolException).
            return unavailable(connection, e, conditions);
        }
    }

    /** Whether the provider's health is not what the connection's status shows (an outage began or ended). */
    boolean healthChanged(PartnerConnection connection) {
        boolean shown = ConnectionReason.outage(Conditions.reason(connection.getStatus(), Conditions.READY));
        boolean outage = registry.health(connection.getMetadata().getNamespace(), connection.getMetadata().getName())
                .map(h -> !h.available()).orElse(false);
        return shown != outage;
    }

    /**
     * The provider gave no usable answer. Once its circuit is open, the message names when the failures began and
     * the first of them, which stay the same until it answers again; before, the failure at hand.
     */
    private Duration unavailable(PartnerConnection connection, ProviderException e, Conditions conditions) {
        CircuitBreaker.Health health = registry.health(connection.getMetadata().getNamespace(),
                connection.getMetadata().getName()).orElse(null);
        if (health == null || health.available()) {
            // Not an outage (yet): a rate limit, a busy connection, a first failure. Ready and Stalled stay as they
            // were, so that customers go on, and a credentials problem still waits for its person; an outage is
            // declared by the circuit breaker alone.
            String message = "The probe was not answered this time: " + e.getMessage() + ". It is tried again "
                    + "shortly.";
            conditions.synced(false, ConnectionReason.ProbeDeferred, message);
            Duration retryAfter = e instanceof ProviderUnavailableException u ? u.retryAfter() : null;
            return retryAfter != null ? retryAfter : config.polling().blocked();
        }
        Reason reason = health.state() == CircuitBreaker.State.QUARANTINED ? ConnectionReason.Quarantined
                : CommonReason.ProviderUnavailable;
        String message = "The provider has given no usable answer since " + health.failingSince() + " (first: "
                + health.firstFailure() + "). Calls to it are held, a trial call goes now and then, and the "
                + "connection is Ready again by itself once one is answered; its customers and users keep their "
                + "last observed state meanwhile.";
        conditions.ready(false, reason, message).synced(false, reason, message).notStalled();
        Duration untilTrial = health.nextTrial() == null ? Duration.ZERO
                : Duration.between(java.time.Instant.now(), health.nextTrial());
        return untilTrial.compareTo(Duration.ofSeconds(1)) < 0 ? Duration.ofSeconds(1) : untilTrial;
    }
}
