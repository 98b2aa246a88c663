package dev.partnerhub.providers.spi.http;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongSupplier;

/**
 * A token bucket shared by every caller of one connection: {@code permitsPerSecond} sustained, up to
 * {@code burst} at once after an idle period. Callers block in {@link #acquire()} until their turn.
 */
public final class RateLimiter {

    private final double permitsPerNano;
    private final double burst;
    private final LongSupplier nanoTime;
    private double available;
    private long lastRefill;

    public RateLimiter(double permitsPerSecond, int burst) {
        this(permitsPerSecond, burst, System::nanoTime);
    }

    /** With the clock a test controls. */
    RateLimiter(double permitsPerSecond, int burst, LongSupplier nanoTime) {
        if (permitsPerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("permitsPerSecond must be > 0 and burst >= 1");
        }
        this.permitsPerNano = permitsPerSecond / TimeUnit.SECONDS.toNanos(1);
        this.burst = burst;
        this.available = burst;
        this.nanoTime = nanoTime;
        this.lastRefill = nanoTime.getAsLong();
    }

    /** The sustained rate. */
    public double permitsPerSecond() {
        return permitsPerNano * TimeUnit.SECONDS.toNanos(1);
    }

    /** How many calls may go at once after an idle period. */
    public int burst() {
        return (int) burst;
    }

    /** Takes one permit, waiting as long as needed; returns how long it waited. */
    public Duration acquire() {
        long wait = reserve();
        if (wait > 0) {
            LockSupport.parkNanos(wait);
        }
        return Duration.ofNanos(wait);
    }

    /** Takes one permit now (possibly going into debt) and returns how many nanoseconds to wait for it. */
    private synchronized long reserve() {
        long now = nanoTime.getAsLong();
        available = Math.min(burst, available + (now - lastRefill) * permitsPerNano);
        lastRefill = now;
        available -= 1;
        return available >= 0 ? 0 : (long) Math.ceil(-available / permitsPerNano);
    }
}
