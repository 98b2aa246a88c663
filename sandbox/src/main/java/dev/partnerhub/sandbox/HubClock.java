package dev.partnerhub.sandbox;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The hub's clock: the system's, plus however far a test moved it forward (for example past a 30-day window). */
public final class HubClock extends Clock {

    private volatile Duration offset = Duration.ZERO;

    /** Moves the hub's time forward. */
    public void advance(Duration by) {
        offset = offset.plus(by);
    }

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
        return Instant.now().plus(offset);
    }
}
