package dev.partnerhub.providers.spi.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The health of one connection, shared by every caller: after {@code threshold} failures in a row (no reply, a
 * server error, a reply that is not the API's) it opens, and calls are not sent; after a wait one call is let through
 * as a trial, which closes it when it succeeds and opens it again for twice as long (up to {@code longestWait},
 * jittered) when it fails. An outage longer than {@code quarantineAfter} is a quarantine: the same, under another
 * name, as Microsoft Entra's provisioning quarantines a job that keeps failing. A refusal (a 4xx) and a rate limit
 * (429) are answers, not failures.
 */
public final class CircuitBreaker {

    /** What callers see of the connection's health. */
    public enum State { CLOSED, OPEN, QUARANTINED }

    /** The state, since when the provider fails, what failed first, and when the next trial call goes. */
    public record Health(State state, Instant failingSince, String firstFailure, Instant nextTrial) {

        public boolean available() {
            return state == State.CLOSED;
        }
    }

    private final int threshold;
    private final Duration firstWait;
    private final Duration longestWait;
    private final Duration quarantineAfter;
    private final Clock clock;
    private int failures;
    private Instant failingSince;
    private String firstFailure;
    private Duration wait;
    private Instant nextTrial;
    private boolean trialOut;
    private volatile Runnable onChange = () -> { };

    public CircuitBreaker(int threshold, Duration firstWait, Duration longestWait, Duration quarantineAfter,
            Clock clock) {
        if (threshold < 1 || firstWait.isNegative() || longestWait.compareTo(firstWait) < 0) {
            throw new IllegalArgumentException("threshold >= 1 and 0 <= firstWait <= longestWait");
        }
        this.threshold = threshold;
        this.firstWait = firstWait;
        this.longestWait = longestWait;
        this.quarantineAfter = quarantineAfter;
        this.clock = clock;
    }

    /** Five failures in a row open it; trials from 5 s, doubling, at most a minute apart; quarantined after an hour. */
    public static CircuitBreaker defaults() {
        return new CircuitBreaker(5, Duration.ofSeconds(5), Duration.ofMinutes(1), Duration.ofHours(1),
                Clock.systemUTC());
    }

    /** Whether a call would be refused now (a look that claims nothing, before a call waits for its turn). */
    public synchronized boolean refusing() {
        return nextTrial != null && (trialOut || clock.instant().isBefore(nextTrial));
    }

    /**
     * Whether a call may go now: always while closed; while open, only the one trial call once its time has come.
     * A caller let through must report its outcome.
     */
    public synchronized boolean allow() {
        if (nextTrial == null) {
            return true;
        }
        if (trialOut || clock.instant().isBefore(nextTrial)) {
            return false;
        }
        trialOut = true;
        return true;
    }

    /**
     * A call let through ended with neither an answer nor a failure of the provider (a fault of the operator's own, such
     * as a request it could not build): an open circuit's trial may go again.
     */
    public synchronized void abandoned() {
        trialOut = false;
    }

    /** Called, outside the breaker's lock, whenever it opens or closes. */
    public void onChange(Runnable listener) {
        this.onChange = listener;
    }

    /** A call got an answer (a success or a refusal): the provider is there. */
    public void succeeded() {
        boolean closes;
        synchronized (this) {
            closes = nextTrial != null;
            failures = 0;
            failingSince = null;
            firstFailure = null;
            wait = null;
            nextTrial = null;
            trialOut = false;
        }
        if (closes) {
            onChange.run();
        }
    }

    /** A call got no usable answer: {@code what} says which call and how, for the connection's status. */
    public void failed(String what) {
        boolean opens;
        synchronized (this) {
            Instant now = clock.instant();
            if (failures++ == 0) {
                failingSince = now;
                firstFailure = what;
            }
            opens = nextTrial == null && failures >= threshold;
            if (!opens && !trialOut) {
                // Closed and below the threshold, or open and this is a call sent before it opened: counted only.
                return;
            }
            wait = opens ? firstWait : min(wait.multipliedBy(2), longestWait);
            nextTrial = now.plus(jittered(wait));
            trialOut = false;
        }
        if (opens) {
            onChange.run();
        }
    }

    public synchronized Health health() {
        if (nextTrial == null) {
            return new Health(State.CLOSED, failingSince, firstFailure, null);
        }
        boolean quarantined = Duration.between(failingSince, clock.instant()).compareTo(quarantineAfter) >= 0;
        return new Health(quarantined ? State.QUARANTINED : State.OPEN, failingSince, firstFailure, nextTrial);
    }

    /** How long until the next trial call may go; zero when calls may go now. */
    public synchronized Duration untilTrial() {
        return nextTrial == null ? Duration.ZERO : max(Duration.between(clock.instant(), nextTrial), Duration.ZERO);
    }

    /** Between three quarters and all of the wait, so that connections that failed together do not probe together. */
    private static Duration jittered(Duration wait) {
        long millis = wait.toMillis();
        return Duration.ofMillis(millis - ThreadLocalRandom.current().nextLong(millis / 4 + 1));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
