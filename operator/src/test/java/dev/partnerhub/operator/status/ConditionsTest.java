package dev.partnerhub.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.api.v1alpha1.CustomerUserStatus;
import dev.partnerhub.operator.user.UserReason;
import dev.partnerhub.providers.spi.auth.Redaction;
import io.fabric8.kubernetes.api.model.Condition;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ConditionsTest {

    private static final Clock T1 = Clock.fixed(Instant.parse("2026-01-01T10:00:00Z"), ZoneOffset.UTC);
    private static final Clock T2 = Clock.fixed(Instant.parse("2026-01-01T11:00:00Z"), ZoneOffset.UTC);

    @Test
    void conditionsAreSortedByTypeCarryTheGenerationAndStalledDefaultsToFalse() {
        CustomerUserStatus status = new CustomerUserStatus();
        Conditions.builder().synced(true, CommonReason.Observed, "ok").ready(true, UserReason.Provisioned, "ok")
                .applyTo(status, 3L, T1);
        assertThat(status.getConditions()).extracting(Condition::getType)
                .containsExactly("Ready", "Reconciling", "Stalled", "Synced");
        assertThat(status.getConditions()).allSatisfy(c -> assertThat(c.getObservedGeneration()).isEqualTo(3L));
        assertThat(Conditions.find(status.getConditions(), "Stalled").orElseThrow().getStatus()).isEqualTo("False");
        assertThat(status.getObservedGeneration()).isEqualTo(3L);
    }

    @Test
    void theTransitionTimeIsKeptWhileTheStatusHoldsAndMovesWhenItFlips() {
        CustomerUserStatus status = new CustomerUserStatus();
        Conditions.builder().ready(false, UserReason.Provisioning, "wait").applyTo(status, 1L, T1);
        Conditions.builder().ready(false, UserReason.PendingEmailInput, "other reason, same status").applyTo(status, 1L,
                T2);
        Condition ready = Conditions.find(status.getConditions(), "Ready").orElseThrow();
        assertThat(ready.getLastTransitionTime()).isEqualTo("2026-01-01T10:00:00Z");
        assertThat(ready.getReason()).isEqualTo("PendingEmailInput");

        Conditions.builder().ready(true, UserReason.Provisioned, "done").applyTo(status, 1L, T2);
        assertThat(Conditions.find(status.getConditions(), "Ready").orElseThrow().getLastTransitionTime())
                .isEqualTo("2026-01-01T11:00:00Z");
    }

    @Test
    void aCredentialTheOperatorHoldsNeverReachesAConditionMessage() {
        Redaction.remember("tok-conditions-test\n123");
        CustomerUserStatus status = new CustomerUserStatus();
        Conditions.builder().ready(false, CommonReason.ReconcileError,
                "invalid header value: \"Bearer tok-conditions-test\n123\"").applyTo(status, 1L, T1);
        assertThat(status.getConditions()).filteredOn(c -> c.getType().equals(Conditions.READY)).singleElement()
                .extracting(Condition::getMessage).isEqualTo("invalid header value: \"Bearer [redacted]\"");
    }

    @Test
    void anUnchangedOutcomeYieldsAnEqualStatusSoNothingIsWritten() {
        CustomerUserStatus first = new CustomerUserStatus();
        Conditions.builder().ready(true, UserReason.Provisioned, "ok").synced(true, CommonReason.Observed, "ok")
                .applyTo(first, 2L, T1);
        CustomerUserStatus second = StatusSupport.copy(first, CustomerUserStatus.class);
        Conditions.builder().ready(true, UserReason.Provisioned, "ok").synced(true, CommonReason.Observed, "ok")
                .applyTo(second, 2L, T2);
        assertThat(StatusSupport.differs(first, second)).isFalse();
    }

    @Test
    void reconcilingIsTrueWhileTheOperatorWorksAndFalseWhenReadyOrStalled() {
        CustomerUserStatus status = new CustomerUserStatus();
        Conditions.builder().ready(false, UserReason.Provisioning, "The hub is provisioning the user.").notStalled()
                .applyTo(status, 1L, T1);
        assertThat(condition(status, Conditions.RECONCILING)).extracting(Condition::getStatus, Condition::getReason,
                Condition::getMessage).containsExactly("True", "Provisioning", "The hub is provisioning the user.");

        Conditions.builder().ready(true, UserReason.Provisioned, "ok").synced(true, CommonReason.Observed, "ok")
                .applyTo(status, 1L, T2);
        assertThat(condition(status, Conditions.RECONCILING)).extracting(Condition::getStatus, Condition::getReason)
                .containsExactly("False", "Reconciled");

        Conditions.builder().refused(CommonReason.ProviderRejected, "HTTP 400: email").applyTo(status, 2L, T2);
        assertThat(condition(status, Conditions.RECONCILING)).extracting(Condition::getStatus, Condition::getReason,
                Condition::getObservedGeneration).containsExactly("False", "ProviderRejected", 2L);
    }

    @Test
    void anOutageIsWorkInProgressEvenWhileTheLastObservedReadyHolds() {
        CustomerUserStatus status = new CustomerUserStatus();
        Conditions.builder().ready(true, UserReason.Provisioned, "ok").synced(true, CommonReason.Observed, "ok")
                .applyTo(status, 1L, T1);
        Conditions.builder().synced(false, CommonReason.ProviderUnavailable, "HTTP 503").notStalled().applyTo(status,
                1L, T2);
        assertThat(condition(status, Conditions.RECONCILING)).extracting(Condition::getStatus, Condition::getReason)
                .containsExactly("True", "ProviderUnavailable");
    }

    @Test
    void aResourceAwaitingAPersonIsNeitherStalledNorReconcilingRoundAfterRound() {
        CustomerUserStatus status = new CustomerUserStatus();
        Conditions.builder().synced(true, CommonReason.Observed, "ok").awaitingPerson(UserReason.PendingEmailInput,
                "open the link").applyTo(status, 1L, T1);
        assertThat(status.getConditions()).extracting(Condition::getType, Condition::getStatus, Condition::getReason)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("Ready", "False", "PendingEmailInput"),
                        org.assertj.core.groups.Tuple.tuple("Reconciling", "False", "PendingEmailInput"),
                        org.assertj.core.groups.Tuple.tuple("Stalled", "False", "PendingEmailInput"),
                        org.assertj.core.groups.Tuple.tuple("Synced", "True", "Observed"));

        // A later round that states only Synced (an unchanged look) keeps the wait as it was.
        Conditions.builder().synced(true, CommonReason.Observed, "ok").applyTo(status, 1L, T2);
        assertThat(condition(status, Conditions.RECONCILING)).extracting(Condition::getStatus, Condition::getReason,
                Condition::getLastTransitionTime).containsExactly("False", "PendingEmailInput", "2026-01-01T10:00:00Z");

        // Once the person has acted and the hub works again, the operator is at work.
        Conditions.builder().ready(false, UserReason.Provisioning, "The hub is provisioning the user.").notStalled()
                .applyTo(status, 1L, T2);
        assertThat(condition(status, Conditions.RECONCILING).getStatus()).isEqualTo("True");
    }

    private static Condition condition(CustomerUserStatus status, String type) {
        return Conditions.find(status.getConditions(), type).orElseThrow();
    }
}
