package dev.partnerhub.operator.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partnerhub.sandbox.AdjustableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The one age-limited snapshot of the directories: what it reads, when, and what a failed read leaves. */
class SnapshotTest {

    private final AdjustableClock clock = AdjustableClock.standingAt(Instant.parse("2026-12-06T00:00:00Z"));
    private final Snapshot<String> snapshot = new Snapshot<>();
    private final List<String> reads = new ArrayList<>();

    private String read(Duration maxAge) {
        return snapshot.read(clock, "the test's list", Snapshot.within(maxAge), (held, readAt, now) -> {
            reads.add(held + " read at " + readAt + ", now " + now);
            return "v" + reads.size();
        });
    }

    @Test
    void aValueRecentEnoughIsUsedAndAnOlderOneIsReadAgainWithWhatWasHeld() {
        assertThat(read(Duration.ofMinutes(1))).isEqualTo("v1");
        clock.advance(Duration.ofSeconds(60));
        assertThat(read(Duration.ofMinutes(1))).as("exactly the max age old").isEqualTo("v1");
        clock.advance(Duration.ofSeconds(1));
        assertThat(read(Duration.ofMinutes(1))).isEqualTo("v2");
        assertThat(reads).containsExactly("null read at null, now 2026-12-06T00:00:00Z",
                "v1 read at 2026-12-06T00:00:00Z, now 2026-12-06T00:01:01Z");
        assertThat(snapshot.heldWithin(Duration.ZERO, clock.instant())).contains("v2");
    }

    @Test
    void aFailedReadKeepsWhatWasHeldAndLetsTheNextReadTry() {
        read(Duration.ZERO);
        clock.advance(Duration.ofSeconds(1));
        assertThatThrownBy(() -> snapshot.read(clock, "the test's list", Snapshot.within(Duration.ZERO),
                (held, readAt, now) -> {
                    throw new IllegalStateException("provider down");
                })).hasMessage("provider down");
        assertThat(snapshot.held()).contains("v1");
        assertThat(snapshot.readAt()).contains(Instant.parse("2026-12-06T00:00:00Z"));
        assertThat(read(Duration.ZERO)).as("the read's turn was given back").isEqualTo("v2");
    }

    @Test
    void changesKeepTheAgeExpiryForcesARead() {
        read(Duration.ofMinutes(1));
        snapshot.change(v -> v + "+own write");
        assertThat(read(Duration.ofMinutes(1))).isEqualTo("v1+own write");
        snapshot.expire();
        assertThat(read(Duration.ofMinutes(1))).isEqualTo("v2");
        assertThat(reads.get(1)).startsWith("v1+own write read at null");
    }

    @Test
    void aListOfChangesBringsForwardOnlyAValueReadSinceItsStart() {
        read(Duration.ZERO);
        Instant read = clock.instant();
        clock.advance(Duration.ofMinutes(5));
        snapshot.bringForward(read.plusSeconds(1), clock.instant(), v -> v + "+changes");
        assertThat(snapshot.held()).contains("v1");
        snapshot.bringForward(read, clock.instant(), v -> v + "+changes");
        assertThat(snapshot.heldWithin(Duration.ZERO, clock.instant())).contains("v1+changes");
    }

    @Test
    void aRefreshReadsWhateverTheAge() {
        read(Duration.ofHours(1));
        assertThat(snapshot.refresh(clock, "the test's list", (held, readAt, now) -> held + "+full")).isEqualTo(
                "v1+full");
    }

    @Test
    void aChangeMadeWhileAReadIsOutIsAppliedToWhatTheReadBrings() {
        read(Duration.ZERO);
        clock.advance(Duration.ofSeconds(1));
        // The read left the provider before the operator's own write, which lands while it is out.
        String read = snapshot.read(clock, "the test's list", Snapshot.within(Duration.ZERO), (held, readAt, now) -> {
            snapshot.change(v -> v + "+own write");
            return "v2";
        });
        assertThat(read).isEqualTo("v2+own write");
        assertThat(snapshot.held()).contains("v2+own write");

        clock.advance(Duration.ofSeconds(1));
        snapshot.read(clock, "the test's list", Snapshot.within(Duration.ZERO), (held, readAt, now) -> {
            snapshot.expire();
            return "v3";
        });
        assertThat(snapshot.readAt()).as("expired while out: read again at the next ask").isEmpty();
        assertThat(read(Duration.ofHours(1))).isEqualTo("v2");
    }

    @Test
    void aWaitingReadReadsOnlyWhatIsTooOld() {
        Snapshot.Reader<String> reader = (held, readAt, now) -> held == null ? "w1" : held + "+again";
        assertThat(snapshot.readWaiting(clock, Snapshot.within(Duration.ofMinutes(1)), reader)).isEqualTo("w1");
        assertThat(snapshot.readWaiting(clock, Snapshot.within(Duration.ofMinutes(1)), reader)).isEqualTo("w1");
        clock.advance(Duration.ofMinutes(2));
        assertThat(snapshot.readWaiting(clock, Snapshot.within(Duration.ofMinutes(1)), reader)).isEqualTo("w1+again");
    }
}
