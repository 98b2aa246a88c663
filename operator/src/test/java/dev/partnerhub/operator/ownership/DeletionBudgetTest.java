package dev.partnerhub.operator.ownership;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.api.v1alpha1.PartnerConnection;
import dev.partnerhub.operator.harness.Rounds;
import dev.partnerhub.operator.status.Paused;
import dev.partnerhub.sandbox.AdjustableClock;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The connection's deletion budget as its reconciler drives it: held deletions and their approval token. */
@EnableKubernetesMockClient(crud = true)
class DeletionBudgetTest {

    static KubernetesClient client;

    private final AdjustableClock clock = AdjustableClock.standingAt(Instant.parse("2026-12-06T10:00:00Z"));
    private Rounds rounds;
    private DeletionBudget budget;

    @BeforeEach
    void aConnectionAllowingOneDeletionAnHour() {
        rounds = new Rounds(client, "ns-" + UUID.randomUUID().toString().substring(0, 8), clock);
        connection().edit(c -> {
            c.getSpec().getDeletionProtection().setMaxDeletesPerHour(1);
            return c;
        });
        budget = new DeletionBudget(client, clock, rounds.shard, rounds.meters);
        assertThat(budget.allow(rounds.namespace, "fake", "user-a", "user a")).isTrue();
        assertThat(budget.allow(rounds.namespace, "fake", "user-b", "user b")).as("over the allowance").isFalse();
    }

    @Test
    void anApprovalTokenReleasesTheHeldDeletions() {
        budget.approveFrom(annotated(Map.of(DeletionBudget.APPROVE_DELETIONS, "t1")));

        assertThat(budget.allow(rounds.namespace, "fake", "user-b", "user b")).isTrue();
    }

    @Test
    void anApprovalTokenOnAPausedConnectionWaitsForTheResume() {
        budget.approveFrom(annotated(Map.of(DeletionBudget.APPROVE_DELETIONS, "t1", Paused.ANNOTATION, "true")));

        assertThat(budget.status(connection().get()).getHeld()).as("held while paused").isEqualTo(1);
        assertThat(budget.allow(rounds.namespace, "fake", "user-b", "user b")).isFalse();

        budget.approveFrom(annotated(Map.of(DeletionBudget.APPROVE_DELETIONS, "t1")));
        assertThat(budget.allow(rounds.namespace, "fake", "user-b", "user b")).as("the same token, once resumed")
                .isTrue();
    }

    private PartnerConnection annotated(Map<String, String> annotations) {
        return connection().edit(c -> {
            c.getMetadata().setAnnotations(new HashMap<>(annotations));
            return c;
        });
    }

    private io.fabric8.kubernetes.client.dsl.Resource<PartnerConnection> connection() {
        return client.resources(PartnerConnection.class).inNamespace(rounds.namespace).withName("fake");
    }
}
