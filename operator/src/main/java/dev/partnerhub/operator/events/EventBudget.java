package dev.partnerhub.operator.events;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;

/**
 * How often the operator writes Events, per object and per kind of Event, so that a resource stuck in a retry loop
 * writes a bounded number: each object has {@value #BURST} writes at once and one more every
 * {@link #REFILL} ({@value #MOST_PER_HOUR} in any hour); an Event already written is counted again in memory on
 * each repeat and its count written at most every {@link #SERIES_INTERVAL}. What an object is not told for an hour is
 * forgotten. Not thread-safe: {@link ResourceEvents} holds it under its lock.
 */
final class EventBudget {

    static final int BURST = 10;
    static final Duration REFILL = Duration.ofMinutes(6);
    static final int MOST_PER_HOUR = BURST + 10;
    static final Duration SERIES_INTERVAL = Duration.ofMinutes(5);
    static final Duration FORGET_AFTER = Duration.ofHours(1);
    /**
     * An Event not written for this long may be gone: the API server drops an Event an hour (its default
     * {@code --event-ttl}) after its last write. The next repeat is then a new Event.
     */
    static final Duration MAY_BE_GONE_AFTER = Duration.ofMinutes(55);

    /** An Event written for one object, and the repeats since its last write. */
    static final class Written {
        final String name;
        int count = 1;
        Instant lastWrite;
        Instant lastSeen;

        Written(String name, Instant now) {
            this.name = name;
            this.lastWrite = now;
            this.lastSeen = now;
        }
    }

    private static final class Tokens {
        double tokens = BURST;
        Instant refilled;
        Instant lastUsed;

        Tokens(Instant now) {
            refilled = now;
            lastUsed = now;
        }
    }

    private final Map<String, Tokens> tokens = new HashMap<>();
    private final Map<String, Written> written = new HashMap<>();

    /** Takes one write of {@code object}'s allowance; false when it is spent for now. */
    boolean take(String object, Instant now) {
        Tokens t = tokens.computeIfAbsent(object, k -> new Tokens(now));
        double refill = (double) Duration.between(t.refilled, now).toMillis() / REFILL.toMillis();
        t.tokens = Math.min(BURST, t.tokens + refill);
        t.refilled = now;
        t.lastUsed = now;
        if (t.tokens < 1) {
            return false;
        }
        t.tokens -= 1;
        return true;
    }

    /** The Event written for {@code key}, unless it may have expired since its last write. */
    Written find(String key, Instant now) {
        Written event = written.get(key);
        if (event != null && event.lastWrite.plus(MAY_BE_GONE_AFTER).isBefore(now)) {
            written.remove(key);
            return null;
        }
        return event;
    }

    /** Forgets an Event that could not be written, or is gone: its next repeat creates one. */
    void forget(String key) {
        written.remove(key);
    }

    void remember(String key, Written event) {
        written.put(key, event);
    }

    /** Drops what has not been told for {@link #FORGET_AFTER}: Kubernetes drops such Events itself. */
    void forgetOld(Instant now) {
        Instant horizon = now.minus(FORGET_AFTER);
        for (Iterator<Written> it = written.values().iterator(); it.hasNext(); ) {
            if (it.next().lastSeen.isBefore(horizon)) {
                it.remove();
            }
        }
        tokens.values().removeIf(t -> t.lastUsed.isBefore(horizon));
    }

    int remembered() {
        return written.size();
    }
}
