package dev.partnerhub.providers.spi;

import dev.partnerhub.providers.spi.http.CallObserver;
import dev.partnerhub.providers.spi.http.CircuitBreaker;
import dev.partnerhub.providers.spi.http.RateLimiter;
import dev.partnerhub.providers.spi.http.RetryPolicy;
import dev.partnerhub.providers.spi.auth.AccessTokens;
import java.util.Map;

/**
 * What a connection gives its provider.
 *
 * @param endpoint the API base URL; null for the vendor's default
 * @param tokens   the bearer token of each request: a static one read on each call (a rotated secret takes effect at
 *                 once), or one renewed through the vendor's identity service
 * @param limiter  the connection's rate limiter, shared by every call
 * @param breaker  the connection's circuit breaker, shared by every call
 * @param options  the vendor's own settings of the connection (for example {@code model: broadworks})
 * @param observer told of every call of the connection (its metrics)
 */
public record ConnectionSettings(String endpoint, AccessTokens tokens, RateLimiter limiter, CircuitBreaker breaker,
        Map<String, String> options, RetryPolicy retry, CallObserver observer) {

    public ConnectionSettings {
        options = Map.copyOf(options);
    }

    /** Observed by no one. */
    public ConnectionSettings(String endpoint, AccessTokens tokens, RateLimiter limiter, CircuitBreaker breaker,
            Map<String, String> options, RetryPolicy retry) {
        this(endpoint, tokens, limiter, breaker, options, retry, CallObserver.NONE);
    }

    /** With a circuit breaker of its own, at its defaults. */
    public ConnectionSettings(String endpoint, AccessTokens tokens, RateLimiter limiter, Map<String, String> options,
            RetryPolicy retry) {
        this(endpoint, tokens, limiter, CircuitBreaker.defaults(), options, retry);
    }

    public String endpointOr(String defaultEndpoint) {
        return endpoint == null || endpoint.isBlank() ? defaultEndpoint : endpoint;
    }

    @Override
    public String toString() {
        return "ConnectionSettings[endpoint=" + endpoint + ", options=" + options + "]";
    }
}
