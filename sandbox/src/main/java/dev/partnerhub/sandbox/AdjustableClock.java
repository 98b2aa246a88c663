package dev.partnerhub.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The one clock that tests move, and the hub's: either standing at an instant (the ages a test's code under test
 * computes are then exact) or following the system's (the hub, which serves real HTTP clients), in both cases plus
 * however far it was moved forward (for example past a 30-day window).
 */
public final class AdjustableClock extends Clock {

    /** Null: the system's time. */
    private final Instant standing;
    private volatile Duration offset = Duration.ZERO;

    private AdjustableClock(Instant standing) {
        this.standing = standing;
    }

    /** A clock that stands at {@code start} until moved. */
    public static AdjustableClock standingAt(Instant start) {
        return new AdjustableClock(start);
    }

    /** A clock that stands at this instant until moved. */
    public static AdjustableClock standing() {
        return standingAt(Instant.now());
    }

    /** The system's clock, moved forward as told. */
    public static AdjustableClock followingTheSystem() {
        return new AdjustableClock(null);
    }

    /** Moves the time forward. */
    public void advance(Duration by) {
        offset = offset.plus(by);
    }

    /** How far it was moved forward in all. */
    public Duration offset() {
        return offset;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public Instant instant() {
        return (standing == null ? Instant.now() : standing).plus(offset);
    }
}
