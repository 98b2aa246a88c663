package dev.partnerhub.providers.spi.http;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * The retries one connection may make inside its calls: a share of its calls plus a few a minute, as the retry
 * budgets of Finagle and gRPC allow, so that a provider failing some of its calls sees its load grow by that share at
 * most, not by the number of attempts. A call refused a retry fails to its resource, which comes back later on its
 * own jittered back-off.
 */
final class RetryBudget {

    private final double share;
    private final double perMinute;
    private final Clock clock;
    private double balance;
    private Instant refilled;

    /**
     * @param share     the retries each call earns (0.1: one retry for ten calls)
     * @param perMinute the retries allowed each minute whatever the calls, and the most saved up
     */
    RetryBudget(double share, int perMinute, Clock clock) {
        this.share = share;
        this.perMinute = perMinute;
        this.clock = clock;
        this.balance = perMinute;
        this.refilled = clock.instant();
    }

    static RetryBudget defaults() {
        return new RetryBudget(0.1, 10, Clock.systemUTC());
    }

    /** A call was sent for the first time: it earns its share of a retry. */
    synchronized void called() {
        refill();
        balance = Math.min(perMinute, balance + share);
    }

    /** Whether a retry may go, spending one when it may. */
    synchronized boolean spend() {
        refill();
        if (balance < 1) {
            return false;
        }
        balance -= 1;
        return true;
    }

    private void refill() {
        Instant now = clock.instant();
        double minutes = Duration.between(refilled, now).toMillis() / 60_000.0;
        if (minutes > 0) {
            balance = Math.min(perMinute, balance + minutes * perMinute);
            refilled = now;
        }
    }
}
