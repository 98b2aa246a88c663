package dev.partnerhub.operator.provider;

import dev.partnerhub.providers.spi.errors.ProviderBusyException;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One read of a shared list at a time, held across the provider call, where another reconcile that wants the same
 * list waits at most {@link #LONGEST_WAIT} and is then handed back ({@link ProviderBusyException}), so that a slow
 * provider holds one of the operator's threads per list, not every thread that wants it. The lists' own monitors
 * guard their data for moments only.
 */
public final class ReadTurns {

    /** How long a reconcile waits for another's read of the same list before it is handed back. */
    static final Duration LONGEST_WAIT = Duration.ofSeconds(1);

    private ReadTurns() {
    }

    /** Takes the lock of a read, or hands the caller back; the caller unlocks it in a finally. */
    public static void take(ReentrantLock reading, String what) {
        try {
            if (!reading.tryLock(LONGEST_WAIT.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new ProviderBusyException(what + " is being read by another reconcile; tried again shortly");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ProviderBusyException("interrupted while waiting to read " + what);
        }
    }
}
