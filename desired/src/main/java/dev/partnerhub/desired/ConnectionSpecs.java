package dev.partnerhub.desired;

import dev.partnerhub.api.v1alpha1.PartnerConnectionSpec;
import dev.partnerhub.api.v1alpha1.RateLimit;
import dev.partnerhub.providers.spi.ConnectionSettings;
import dev.partnerhub.providers.spi.auth.AccessTokens;
import dev.partnerhub.providers.spi.http.CallObserver;
import dev.partnerhub.providers.spi.http.CircuitBreaker;
import dev.partnerhub.providers.spi.http.RateLimiter;
import dev.partnerhub.providers.spi.http.RetryPolicy;
import io.fabric8.kubernetes.api.model.Secret;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/** What a PartnerConnection's spec tells its provider's factory. */
public final class ConnectionSpecs {

    private ConnectionSpecs() {
    }

    /** {@code spec.provider} as the factories know it. */
    public static String kind(PartnerConnectionSpec spec) {
        return spec.getProvider() == null ? null : spec.getProvider().value();
    }

    /** A key of a Secret as text, from {@code data} (base64) or {@code stringData}, trimmed; null when empty or absent. */
    public static String secretValue(Secret secret, String key) {
        String encoded = secret.getData() == null ? null : secret.getData().get(key);
        String plain = secret.getStringData() == null ? null : secret.getStringData().get(key);
        String value = encoded != null ? new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8).trim()
                : plain == null ? null : plain.trim();
        return value == null || value.isEmpty() ? null : value;
    }

    /** The connection's settings for its provider; the vendor blocks of the spec become options by their name. */
    public static ConnectionSettings settings(PartnerConnectionSpec spec, AccessTokens token) {
        return settings(spec, token, 1);
    }

    /**
     * The same for one of several processes that share the connection: {@code share} (0 to 1) of its rate limit and
     * of its burst (at least one request), so that together they keep to the limit.
     */
    public static ConnectionSettings settings(PartnerConnectionSpec spec, AccessTokens token, double share) {
        return settings(spec, token, share, CircuitBreaker.defaults());
    }

    /** The same, with the connection's circuit breaker. */
    public static ConnectionSettings settings(PartnerConnectionSpec spec, AccessTokens token, double share,
            CircuitBreaker breaker) {
        return settings(spec, token, share, breaker, CallObserver.NONE);
    }

    /** The same, with the observer of the connection's calls (its metrics). */
    public static ConnectionSettings settings(PartnerConnectionSpec spec, AccessTokens token, double share,
            CircuitBreaker breaker, CallObserver observer) {
        if (!(share > 0 && share <= 1)) {
            throw new IllegalArgumentException("share must be in (0, 1], not " + share);
        }
        RateLimit limit = spec.getRateLimit() == null ? new RateLimit() : spec.getRateLimit();
        Map<String, String> options = new HashMap<>();
        if (spec.getWebex() != null && spec.getWebex().getModel() != null) {
            options.put("webex.model", spec.getWebex().getModel().value());
        }
        if (spec.getPartnerCenter() != null && spec.getPartnerCenter().getLoginEndpoint() != null) {
            options.put("partnerCenter.loginEndpoint", spec.getPartnerCenter().getLoginEndpoint());
        }
        return new ConnectionSettings(spec.getEndpoint(), token, new RateLimiter(limit.getRequestsPerSecond() * share,
                Math.max(1, (int) Math.floor(limit.getBurst() * share))), breaker, options, RetryPolicy.defaults(), observer);
    }
}
