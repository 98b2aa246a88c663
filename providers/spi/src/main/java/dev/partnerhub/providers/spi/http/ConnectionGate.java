package dev.partnerhub.providers.spi.http;

import dev.partnerhub.providers.spi.errors.ProviderBusyException;
import dev.partnerhub.providers.spi.errors.ProviderOutageException;
import dev.partnerhub.providers.spi.errors.ProviderUnavailableException;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * What every call of one connection passes through, so that the connection, not the call, is the unit of protection:
 * its {@link CircuitBreaker} (no call while the provider is failing, but for one trial now and then), a bulkhead (at
 * most the limiter's burst of calls in flight at once: a slow provider holds that many of the operator's threads, not
 * all of them), its {@link RateLimiter} (its rate, and the pauses the provider asks for) and its {@link RetryBudget}
 * (a share of its calls that may be sent again).
 */
final class ConnectionGate {

    /** How long a call waits for one of the connection's calls in flight to end before it is handed back. */
    static final Duration LONGEST_BULKHEAD_WAIT = Duration.ofSeconds(1);

    /** A call let through: closing it frees its place among the calls in flight. */
    interface Pass extends AutoCloseable {
        @Override
        void close();
    }

    private final RateLimiter limiter;
    private final CircuitBreaker breaker;
    private final Duration longestInlineWait;
    private final Semaphore inFlight;
    private final RetryBudget retries;
    private final CallObserver observer;

    ConnectionGate(RateLimiter limiter, CircuitBreaker breaker, Duration longestInlineWait, CallObserver observer) {
        this.limiter = limiter;
        this.observer = observer;
        this.breaker = breaker;
        this.longestInlineWait = longestInlineWait;
        this.inFlight = new Semaphore(limiter.burst());
        this.retries = RetryBudget.defaults();
    }

    /** A call about to be sent the first time: it earns its share of the connection's retry budget. */
    void called() {
        retries.called();
    }

    /** Whether the connection's retry budget allows one more attempt of a failed call (spent if so). */
    boolean mayRetry() {
        return retries.spend();
    }

    /**
     * Waits for the call's turn. Refuses it, unsent, while the provider is failing (until the trial's time), has
     * paused the connection for longer than a call may wait, or while the connection's calls in flight do not end;
     * the refusal says when to come back.
     */
    Pass enter(String method, URI uri) {
        if (breaker.refusing()) {
            throw failing(method, uri);
        }
        if (limiter.pausedFor().compareTo(longestInlineWait) > 0) {
            throw askedToWait(method, uri);
        }
        // The rate first: a call waiting for its turn holds no place among the calls in flight. A pause asked for
        // while it waits, longer than a call may wait, hands it back too.
        Optional<Duration> waited = limiter.acquire(longestInlineWait);
        if (waited.isEmpty()) {
            throw askedToWait(method, uri);
        }
        observer.waitedForTurn(waited.get());
        try {
            if (!inFlight.tryAcquire(LONGEST_BULKHEAD_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ProviderBusyException(method + " " + uri.getPath() + " not sent: this connection "
                        + "already has " + limiter.burst() + " calls in flight (its burst); tried again shortly");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderUnavailableException("interrupted", 0, List.of(), null, null, e);
        }
        // Claimed last, when the call is sure to go: an open circuit's one trial is never lost to a wait.
        if (!breaker.allow()) {
            inFlight.release();
            throw failing(method, uri);
        }
        return inFlight::release;
    }

    private ProviderUnavailableException askedToWait(String method, URI uri) {
        Duration paused = limiter.pausedFor();
        return new ProviderUnavailableException(method + " " + uri.getPath() + " not sent: the provider asked this "
                + "connection to wait " + paused.toSeconds() + " s more", 0, List.of(), null, paused, null);
    }

    private ProviderOutageException failing(String method, URI uri) {
        CircuitBreaker.Health health = breaker.health();
        return new ProviderOutageException(method + " " + uri.getPath() + " not sent: the provider has failed every "
                + "call since " + health.failingSince() + " (first: " + health.firstFailure() + "); calls are tried "
                + "again by themselves", health.failingSince(), max(breaker.untilTrial(), Duration.ofSeconds(1)));
    }

    /** The provider answered (a success, a refusal, a rate limit): it is there. */
    void answered() {
        breaker.succeeded();
    }

    /** Neither: the call failed on the operator's side; it does not count, and it holds no trial. */
    void abandoned() {
        breaker.abandoned();
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
        observer.throttled(limiter.pause(wait));
        return limiter.pausedFor().compareTo(longestInlineWait) <= 0;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
