package dev.partnerhub.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.operator.events.Occurrence;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which Events a round tells: Ready's transitions, and every error it states, once each. */
class EventDecisionsTest {

    @Test
    void aNewReadyReasonIsOneNormalEventAndAnUnchangedRoundNone() {
        List<Condition> provisioning = List.of(c("Ready", "False", "Provisioning"), c("Stalled", "False", "Progressing"));
        List<Condition> provisioned = List.of(c("Ready", "True", "Provisioned"), c("Stalled", "False", "Progressing"));

        assertThat(EventDecisions.of(provisioning, provisioned, List.of("Ready", "Stalled")))
                .containsExactly(new Occurrence(false, "Provisioned", "m Provisioned"));
        assertThat(EventDecisions.of(provisioned, provisioned, List.of("Ready", "Stalled"))).isEmpty();
    }

    @Test
    void aRefusedEditIsOneWarningThoughThreeConditionsSayIt() {
        List<Condition> before = List.of(c("Ready", "True", "Provisioned"), c("Stalled", "False", "Progressing"),
                c("Synced", "True", "Observed"));
        List<Condition> after = List.of(c("Ready", "False", "ProviderRejected"), c("Stalled", "True",
                "ProviderRejected"), c("Synced", "False", "ProviderRejected"));

        assertThat(EventDecisions.of(before, after, List.of("Ready", "Synced", "Stalled")))
                .containsExactly(new Occurrence(true, "ProviderRejected", "m ProviderRejected"));
    }

    @Test
    void aFailureRepeatedWithTheSameStatusIsToldAgainSoItsEventCountsIt() {
        List<Condition> failing = List.of(c("Ready", "True", "Provisioned"), c("Synced", "False",
                "ProviderUnavailable"));

        assertThat(EventDecisions.of(failing, failing, List.of("Synced")))
                .containsExactly(new Occurrence(true, "ProviderUnavailable", "m ProviderUnavailable"));
        assertThat(EventDecisions.of(failing, failing, List.of())).as("a round that stated nothing").isEmpty();
    }

    @Test
    void aPauseIsOneNormalEventWhenItBeginsNotAWarningEachRound() {
        List<Condition> ready = List.of(c("Ready", "True", "Provisioned"), c("Synced", "True", "Observed"));
        List<Condition> paused = List.of(c("Ready", "True", "Provisioned"), c("Synced", "False", "Paused"),
                c("Reconciling", "False", "Paused"));

        assertThat(EventDecisions.of(ready, paused, List.of("Synced", "Reconciling")))
                .containsExactly(new Occurrence(false, "Paused", "m Paused"));
        assertThat(EventDecisions.of(paused, paused, List.of("Synced", "Reconciling"))).isEmpty();
    }

    private static Condition c(String type, String status, String reason) {
        return new ConditionBuilder().withType(type).withStatus(status).withReason(reason).withMessage("m " + reason)
                .build();
    }
}
