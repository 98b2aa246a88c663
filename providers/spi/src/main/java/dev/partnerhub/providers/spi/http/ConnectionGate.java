package dev.partnerhub.providers.spi.http;

import dev.partnerhub.providers.spi.ProviderUnavailableException;
import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * What every call of one connection passes through, so that the connection, not the call, is the unit of protection:
 * its {@link CircuitBreaker} (no call while the provider is failing, but for one trial now and then) and its
 * {@link RateLimiter} (its rate, and the pauses the provider asks for).
 */
final class ConnectionGate {

    private final RateLimiter limiter;
    private final CircuitBreaker breaker;
    private final Duration longestInlineWait;

    ConnectionGate(RateLimiter limiter, CircuitBreaker breaker, Duration longestInlineWait) {
        this.limiter = limiter;
        this.breaker = breaker;
        this.longestInlineWait = longestInlineWait;
    }

    /**
     * Waits for the call's turn. Refuses it, unsent, while the provider is failing (until the trial's time) or has
     * paused the connection for longer than a call may wait; the refusal says when to come back.
     */
    void enter(String method, URI uri) {
        if (!breaker.allow()) {
            CircuitBreaker.Health health = breaker.health();
            throw new ProviderUnavailableException(method + " " + uri.getPath() + " not sent: the provider has "
                    + "failed every call since " + health.failingSince() + " (first: " + health.firstFailure()
                    + "); calls are tried again by themselves", 0, List.of(), null,
                    max(breaker.untilTrial(), Duration.ofSeconds(1)), null);
        }
        Duration paused = limiter.pausedFor();
        if (paused.compareTo(longestInlineWait) > 0) {
            // Let a trial that was allowed through count as an answer: the provider did answer, with a pause.
            breaker.succeeded();
            throw new ProviderUnavailableException(method + " " + uri.getPath() + " not sent: the provider asked "
                    + "this connection to wait " + paused.toSeconds() + " s more", 0, List.of(), null, paused, null);
        }
        limiter.acquire();
    }

    /** The provider answered (a success, a refusal, a rate limit): it is there. */
    void answered() {
        breaker.succeeded();
    }

    /** No usable answer: no reply, a server error, a reply that is not the API's. */
    void failed(String what) {
        breaker.failed(what);
    }

    /**
     * The provider asked this connection to slow down: every caller waits. Returns whether the wait is one a call
     * may sit through; a longer one is handed back to the caller.
     */
    boolean pause(Duration wait) {
        limiter.pause(wait);
        return limiter.pausedFor().compareTo(longestInlineWait) <= 0;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
