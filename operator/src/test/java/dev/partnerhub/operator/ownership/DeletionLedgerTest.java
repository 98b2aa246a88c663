package dev.partnerhub.operator.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.api.v1alpha1.DeletionsStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeletionLedgerTest {

    private static final Instant T0 = Instant.parse("2026-11-21T10:00:00Z");

    @Test
    void theHoursAllowanceIsGrantedThenDeletionsAreHeldAndListed() {
        DeletionLedger ledger = new DeletionLedger();
        assertThat(ledger.allow("a", "user a", 2, T0)).isTrue();
        assertThat(ledger.allow("b", "user b", 2, T0)).isTrue();
        assertThat(ledger.allow("c", "user c", 2, T0)).isFalse();
        assertThat(ledger.allow("c", "user c", 2, T0.plusSeconds(30))).as("asked again: still held").isFalse();
        DeletionsStatus status = ledger.status(T0.plusSeconds(30));
        assertThat(status.getLastHour()).hasSize(2);
        assertThat(status.getHeld()).isEqualTo(1);
        assertThat(status.getHeldObjects()).containsExactly("user c");
    }

    @Test
    void anApprovalReleasesWhatIsHeldThenAndNothingHeldLater() {
        DeletionLedger ledger = new DeletionLedger();
        ledger.allow("a", "user a", 0, T0);
        ledger.allow("b", "user b", 0, T0);
        assertThat(ledger.approve("t1", T0)).isEqualTo(2);
        assertThat(ledger.allow("c", "user c", 0, T0)).as("held after the approval").isFalse();
        assertThat(ledger.allow("a", "user a", 0, T0)).isTrue();
        assertThat(ledger.allow("b", "user b", 0, T0)).isTrue();
        assertThat(ledger.status(T0).getHeldObjects()).containsExactly("user c");
        assertThat(ledger.approvedToken()).isEqualTo("t1");
    }

    @Test
    void theWindowSlidesAndAResumedLedgerCountsWhatWasRecorded() {
        DeletionLedger ledger = new DeletionLedger();
        ledger.allow("a", "user a", 1, T0);
        assertThat(ledger.allow("b", "user b", 1, T0.plus(Duration.ofMinutes(59)))).isFalse();
        DeletionLedger resumed = DeletionLedger.from(ledger.status(T0.plus(Duration.ofMinutes(59))),
                T0.plus(Duration.ofMinutes(59)));
        assertThat(resumed.allow("b", "user b", 1, T0.plus(Duration.ofMinutes(59)))).as("after a restart").isFalse();
        assertThat(resumed.allow("b", "user b", 1, T0.plus(Duration.ofMinutes(61)))).as("an hour later").isTrue();
    }

    @Test
    void aHeldDeletionNoLongerAskedForIsDropped() {
        DeletionLedger ledger = new DeletionLedger();
        ledger.allow("a", "user a", 0, T0);
        assertThat(ledger.status(T0.plus(Duration.ofMinutes(11))).getHeld()).isZero();
    }

    @Test
    void aDeletionAskedAgainAfterItsCallFailedIsNotCountedTwiceNorHeldAfterItsApproval() {
        DeletionLedger ledger = new DeletionLedger();
        assertThat(ledger.allow("a", "user a", 2, T0)).isTrue();
        assertThat(ledger.allow("a", "user a", 2, T0.plusSeconds(2))).as("the provider failed; retried").isTrue();
        assertThat(ledger.allow("a", "user a", 2, T0.plusSeconds(6))).isTrue();
        assertThat(ledger.status(T0.plusSeconds(6)).getLastHour()).hasSize(1);
        assertThat(ledger.allow("b", "user b", 2, T0.plusSeconds(7))).isTrue();
        assertThat(ledger.allow("c", "user c", 2, T0.plusSeconds(8))).isFalse();
        ledger.approve("t1", T0.plusSeconds(9));
        assertThat(ledger.allow("c", "user c", 2, T0.plusSeconds(10))).isTrue();
        assertThat(ledger.allow("c", "user c", 2, T0.plusSeconds(12))).as("its call failed; retried, still approved")
                .isTrue();
        assertThat(ledger.held()).isZero();
    }

    @Test
    void anApprovalNotYetActedOnSurvivesARestart() {
        DeletionLedger ledger = new DeletionLedger();
        ledger.allow("a", "user a", 0, T0);
        ledger.allow("b", "user b", 0, T0);
        ledger.approve("t1", T0);
        assertThat(ledger.allow("a", "user a", 0, T0.plusSeconds(1))).isTrue();
        DeletionLedger resumed = DeletionLedger.from(ledger.status(T0.plusSeconds(2)), T0.plusSeconds(2));
        assertThat(resumed.approvedToken()).isEqualTo("t1");
        assertThat(resumed.allow("b", "user b", 0, T0.plusSeconds(3))).as("approved before the restart").isTrue();
        assertThat(resumed.allow("a", "user a", 0, T0.plusSeconds(3))).as("its approval was used").isFalse();
    }

    @Test
    void anApprovalNeverActedOnLapsesAfterAnHour() {
        DeletionLedger ledger = new DeletionLedger();
        ledger.allow("a", "user a", 0, T0);
        ledger.approve("t1", T0);
        assertThat(ledger.status(T0.plus(Duration.ofMinutes(61))).getApproved()).isEmpty();
        assertThat(ledger.allow("a", "user a", 0, T0.plus(Duration.ofMinutes(61)))).isFalse();
    }
}
