package dev.partnerhub.operator.provider;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;

/**
 * One thing read from a provider (a customer's users, an org's licences or people, the partner's orgs) kept with
 * the time it was read: used while it is recent enough for the asking reconcile, read again otherwise by one
 * reconcile at a time ({@link ReadTurns}: another that wants it waits briefly for that read, then is handed back),
 * the provider called outside the snapshot's monitor, which guards its value for moments only. What the operator
 * changes meanwhile (its own writes, folded in at once) is applied to that read's result too, which may have left
 * the provider before the write. The value is replaced, never changed in place: a caller may keep what it was given.
 *
 * @param <T> what is kept, immutable
 */
public final class Snapshot<T> {

    /** Whether a value read at {@code readAt} answers the asking reconcile at {@code now}. */
    @FunctionalInterface
    public interface Usable<T> {
        boolean test(T value, Instant readAt, Instant now);
    }

    /** Reads the value again: {@code held} and {@code readAt} are the last read's (null before the first). */
    @FunctionalInterface
    public interface Reader<T> {
        T read(T held, Instant readAt, Instant now);
    }

    private final ReentrantLock reading = new ReentrantLock();
    private T value;
    private Instant readAt;
    /**
     * While a read is out at the provider: the changes made meanwhile (the operator's own writes), applied again to
     * what the read brings, which may have left the provider before them; and whether the value was expired.
     */
    private List<UnaryOperator<T>> changedDuringRead;
    private boolean expiredDuringRead;

    /** Usable when read no more than {@code maxAge} before now. */
    public static <T> Usable<T> within(Duration maxAge) {
        return (value, readAt, now) -> !readAt.plus(maxAge).isBefore(now);
    }

    /** The value if one read no more than {@code maxAge} before {@code now} is held; nothing is read. */
    public synchronized Optional<T> heldWithin(Duration maxAge, Instant now) {
        return readAt != null && within(maxAge).<T>test(value, readAt, now) ? Optional.of(value) : Optional.empty();
    }

    /** The value held, usable or not, or nothing before the first read. */
    public synchronized Optional<T> held() {
        return Optional.ofNullable(value);
    }

    /** When the value held was read; nothing before the first read or after {@link #expire()}. */
    public synchronized Optional<Instant> readAt() {
        return Optional.ofNullable(readAt);
    }

    /** The value, read again through {@code reader} unless one {@code usable} says answers is held. */
    public T read(Clock clock, String what, Usable<T> usable, Reader<T> reader) {
        return readUnlessUsable(clock, usable, reader, () -> ReadTurns.take(reading, what));
    }

    /**
     * The same, but a reconcile that finds the value being read waits for that read however long it takes, instead of
     * being handed back: for what a reconcile cannot do without and reads rarely (an org's licences, people, roles).
     */
    public T readWaiting(Clock clock, Usable<T> usable, Reader<T> reader) {
        return readUnlessUsable(clock, usable, reader, reading::lock);
    }

    /** {@code takeTurn} takes the lock of the read, or throws. */
    private T readUnlessUsable(Clock clock, Usable<T> usable, Reader<T> reader, Runnable takeTurn) {
        T held = usableNow(clock, usable);
        if (held != null) {
            return held;
        }
        takeTurn.run();
        try {
            held = usableNow(clock, usable);
            return held != null ? held : readNow(clock, reader); // held: read by the reconcile we waited for
        } finally {
            reading.unlock();
        }
    }

    /** The value read again now through {@code reader}, however recent the one held (one read at a time). */
    public T refresh(Clock clock, String what, Reader<T> reader) {
        ReadTurns.take(reading, what);
        try {
            return readNow(clock, reader);
        } finally {
            reading.unlock();
        }
    }

    private T readNow(Clock clock, Reader<T> reader) {
        T before;
        Instant beforeAt;
        synchronized (this) {
            before = value;
            beforeAt = readAt;
            changedDuringRead = new ArrayList<>();
            expiredDuringRead = false;
        }
        Instant now = clock.instant();
        T read;
        try {
            read = reader.read(before, beforeAt, now);
        } catch (RuntimeException e) {
            synchronized (this) {
                changedDuringRead = null;
            }
            throw e;
        }
        synchronized (this) {
            for (UnaryOperator<T> change : changedDuringRead) {
                read = change.apply(read);
            }
            value = read;
            readAt = expiredDuringRead ? null : now;
            changedDuringRead = null;
            return read;
        }
    }

    private synchronized T usableNow(Clock clock, Usable<T> usable) {
        return readAt != null && usable.test(value, readAt, clock.instant()) ? value : null;
    }

    /** Replaces the value by one read elsewhere at {@code at} (a write's answer, a list that covers this one). */
    public synchronized void put(T read, Instant at) {
        value = read;
        readAt = at;
        if (changedDuringRead != null) {
            changedDuringRead.add(ignored -> read);
        }
    }

    /** Changes the value held, if any, keeping its age: what the operator itself just did to it. */
    public synchronized void change(UnaryOperator<T> change) {
        if (value != null) {
            value = change.apply(value);
        }
        if (changedDuringRead != null) {
            changedDuringRead.add(v -> v == null ? null : change.apply(v));
        }
    }

    /**
     * Brings a value read at or after {@code since} forward to {@code now} with {@code change} (a list of what
     * changed since, which says nothing of a value read before); a value read before is left as it is.
     */
    public synchronized void bringForward(Instant since, Instant now, UnaryOperator<T> change) {
        if (readAt != null && !readAt.isBefore(since)) {
            value = change.apply(value);
            readAt = now;
            if (changedDuringRead != null) {
                changedDuringRead.add(change);
            }
        }
    }

    /** The value held is read again at the next ask. */
    public synchronized void expire() {
        readAt = null;
        expiredDuringRead = changedDuringRead != null;
    }
}
