package dev.partnerhub.operator.connection;

import dev.partnerhub.api.v1alpha1.CredentialsKind;
import dev.partnerhub.api.v1alpha1.CredentialsStatus;
import dev.partnerhub.api.v1alpha1.PartnerConnection;
import dev.partnerhub.api.v1alpha1.PartnerConnectionStatus;
import dev.partnerhub.operator.OperatorConfig;
import dev.partnerhub.operator.provider.ProviderRegistry;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.providers.spi.auth.IssuedTokens;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A connection's credentials in its status, never the credentials themselves: their kind, when the access token and
 * the refresh token expire, the condition {@value #EXPIRING} ahead of a refresh token running out, and the seconds
 * left of each as the metric {@code partnerhub_credentials_expiry_seconds{connection, token}} (a series per connection,
 * NaN for a static token, whose expiry the operator does not know: connections are few).
 */
@ApplicationScoped
public class CredentialsReport {

    /** True when the refresh token runs out within {@code partnerhub.credentials.expiring-within}. */
    public static final String EXPIRING = "CredentialsExpiring";

    /** What the gauges of one connection read. */
    private static final class Expiries {
        volatile Instant access;
        volatile Instant refresh;
        List<Meter> meters = List.of();
    }

    private final ProviderRegistry registry;
    private final OperatorConfig config;
    private final Clock clock;
    private final MeterRegistry meters;
    private final Map<String, Expiries> expiries = new ConcurrentHashMap<>();

    public CredentialsReport(ProviderRegistry registry, OperatorConfig config, Clock clock, MeterRegistry meters) {
        this.registry = registry;
        this.config = config;
        this.clock = clock;
        this.meters = meters;
    }

    /** Whether the connection's credentials are an OAuth client (a rejection then means: sign in again). */
    boolean renewed(PartnerConnection connection) {
        return registry.credentials(connection.getMetadata().getNamespace(), connection.getMetadata().getName())
                .map(c -> c.kind() == CredentialsKind.RefreshToken).orElse(false);
    }

    void report(PartnerConnection connection, PartnerConnectionStatus status, Conditions conditions) {
        String namespace = connection.getMetadata().getNamespace();
        String name = connection.getMetadata().getName();
        Optional<ProviderRegistry.Credentials> credentials = registry.credentials(namespace, name);
        Expiries gauges = gauges(ProviderRegistry.key(namespace, name));
        // NaN until an OAuth client's tokens say otherwise: no expiry is known of credentials that cannot be read,
        // nor of a static token (a connection moved from a client to a token forgets the client's expiry).
        gauges.access = null;
        gauges.refresh = null;
        if (credentials.isEmpty()) {
            return;
        }
        CredentialsStatus shown = new CredentialsStatus();
        shown.setKind(credentials.get().kind());
        status.setCredentials(shown);
        if (credentials.get().kind() == CredentialsKind.StaticToken) {
            return;
        }
        IssuedTokens tokens = credentials.get().tokens();
        gauges.access = tokens == null ? null : tokens.accessTokenExpiresAt();
        gauges.refresh = tokens == null ? null : tokens.refreshTokenExpiresAt();
        if (tokens != null) {
            shown.setAccessTokenExpiresAt(text(tokens.accessTokenExpiresAt()));
            shown.setRefreshTokenExpiresAt(text(tokens.refreshTokenExpiresAt()));
        }
        Instant refresh = tokens == null ? null : tokens.refreshTokenExpiresAt();
        String ready = conditions.desired(Conditions.READY).map(Conditions.Desired::reason)
                .orElse(Conditions.reason(connection.getStatus(), Conditions.READY));
        if (ConnectionReason.CredentialsRejected.is(ready)) {
            conditions.state(EXPIRING, false, ConnectionReason.CredentialsRejected, "The refresh token was refused: "
                    + "its end date means nothing until a person signs in again (see the Ready condition).");
        } else if (refresh != null && refresh.isBefore(clock.instant().plus(config.credentials().expiringWithin()))) {
            long days = Math.max(0, Duration.between(clock.instant(), refresh).toDays());
            conditions.state(EXPIRING, true, ConnectionReason.RefreshTokenExpiring, "The refresh token in "
                    + "Secret " + namespace + "/" + connection.getSpec().getCredentialsSecretRef().getName()
                    + " runs out at " + text(refresh) + " (in " + days + " days). Before then, sign in again with "
                    + "the OAuth client to get a new refresh token, and put it under key refreshToken.");
        } else {
            conditions.state(EXPIRING, false, ConnectionReason.RefreshTokenValid, refresh == null
                    ? "The identity service gives the refresh token no end the operator knows of."
                    : "The refresh token is good until " + text(refresh) + ".");
        }
    }

    /** Drops the gauges of a deleted connection. */
    void forget(PartnerConnection connection) {
        Expiries gone = expiries.remove(ProviderRegistry.key(connection.getMetadata().getNamespace(),
                connection.getMetadata().getName()));
        if (gone != null) {
            gone.meters.forEach(meters::remove);
        }
    }

    private Expiries gauges(String connection) {
        return expiries.computeIfAbsent(connection, key -> {
            Expiries e = new Expiries();
            e.meters = List.of(gauge(key, "access", e, true), gauge(key, "refresh", e, false));
            return e;
        });
    }

    private Meter gauge(String connection, String token, Expiries expiries, boolean access) {
        return Gauge.builder("partnerhub.credentials.expiry", expiries, e -> secondsLeft(access ? e.access : e.refresh))
                .baseUnit("seconds").description("Seconds until the connection's access or refresh token expires "
                        + "(NaN: it does not expire, or the provider does not say).")
                .tag("connection", connection).tag("token", token).register(meters);
    }

    private double secondsLeft(Instant expiry) {
        return expiry == null ? Double.NaN : Duration.between(clock.instant(), expiry).toSeconds();
    }

    private static String text(Instant instant) {
        return instant == null ? null : instant.toString();
    }
}
