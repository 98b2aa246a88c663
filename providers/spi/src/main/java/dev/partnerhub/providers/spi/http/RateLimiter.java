package dev.partnerhub.providers.spi.http;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongConsumer;
import java.util.function.LongSupplier;

/**
 * A token bucket shared by every caller of one connection: {@code permitsPerSecond} sustained, up to
 * {@code burst} at once after an idle period. Callers block in {@link #acquire()} until their turn. When the provider
 * asks the connection to slow down (a 429, a Retry-After), {@link #pause(Duration)} holds every caller, those already
 * waiting included, until the pause is over, and they then go at the sustained rate, never at once.
 */
public final class RateLimiter {

    private final double permitsPerNano;
    private final double burst;
    private final LongSupplier nanoTime;
    private final LongConsumer park;
    private double available;
    /** When the bucket was last refilled; in the future while a pause lasts. */
    private long lastRefill;
    /** How far all pauses together moved the callers' turns, so that a caller waiting through one waits it out. */
    private long shifted;

    public RateLimiter(double permitsPerSecond, int burst) {
        this(permitsPerSecond, burst, System::nanoTime, LockSupport::parkNanos);
    }

    /** With the clock a test controls, and how a caller waits on it. */
    RateLimiter(double permitsPerSecond, int burst, LongSupplier nanoTime, LongConsumer park) {
        if (permitsPerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("permitsPerSecond must be > 0 and burst >= 1");
        }
        this.permitsPerNano = permitsPerSecond / TimeUnit.SECONDS.toNanos(1);
        this.burst = burst;
        this.available = burst;
        this.nanoTime = nanoTime;
        this.park = park;
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

    /** Takes one permit, waiting as long as needed (a pause included); returns how long it waited. */
    public Duration acquire() {
        return acquire(Duration.ofNanos(Long.MAX_VALUE)).orElseThrow();
    }

    /**
     * Takes one permit, waiting for its turn; when a pause that begins while this caller waits would hold it longer
     * than {@code longestPause}, it stops waiting and gets empty (its permit spent). Returns how long it waited.
     */
    public Optional<Duration> acquire(Duration longestPause) {
        Turn turn = reserve();
        long waited = 0;
        long wait = turn.waitNanos();
        while (wait > 0) {
            park.accept(wait);
            waited += wait;
            // A pause that began while this caller waited moves its turn as much as it moved everyone's.
            wait = shiftSince(turn);
            if (wait > longestPause.toNanos()) {
                return Optional.empty();
            }
            turn = new Turn(0, turn.shifted() + wait);
        }
        return Optional.of(Duration.ofNanos(waited));
    }

    /**
     * Holds every caller of the connection until {@code wait} from now: the turns already given, and those to come,
     * move back by as much as the pause adds (so they keep their spacing), and no permit builds up during it. A pause
     * that ends before the next turn anyway changes nothing (a {@code Retry-After: 0}, for example). Returns how much
     * longer the callers now wait because of it (zero when a pause already under way lasts longer).
     */
    public synchronized Duration pause(Duration wait) {
        long now = nanoTime.getAsLong();
        refill(now);
        long until = now + Math.max(0, wait.toNanos());
        long base = Math.max(lastRefill, now);
        if (until <= base) {
            return Duration.ZERO;
        }
        shifted += until - base;
        lastRefill = until;
        available = Math.min(1, available);
        return Duration.ofNanos(until - base);
    }

    /** How long the connection is still paused; zero when it is not. */
    public synchronized Duration pausedFor() {
        return Duration.ofNanos(Math.max(0, lastRefill - nanoTime.getAsLong()));
    }

    /** A permit taken: how long to wait for it, and how far pauses had moved the turns when it was taken. */
    private record Turn(long waitNanos, long shifted) {
    }

    /** Takes one permit now (possibly going into debt). */
    private synchronized Turn reserve() {
        long now = nanoTime.getAsLong();
        refill(now);
        available -= 1;
        long untilRefill = Math.max(0, lastRefill - now);
        return new Turn(untilRefill + (available >= 0 ? 0 : (long) Math.ceil(-available / permitsPerNano)), shifted);
    }

    private synchronized long shiftSince(Turn turn) {
        return shifted - turn.shifted();
    }

    private void refill(long now) {
        if (now > lastRefill) {
            available = Math.min(burst, available + (now - lastRefill) * permitsPerNano);
            lastRefill = now;
        }
    }
}
