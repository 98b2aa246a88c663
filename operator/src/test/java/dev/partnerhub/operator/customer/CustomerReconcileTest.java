package dev.partnerhub.operator.customer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.operator.Fixtures;
import dev.partnerhub.operator.fake.FakeProvider.Op;
import dev.partnerhub.operator.harness.Rounds;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.operator.status.Paused;
import dev.partnerhub.sandbox.AdjustableClock;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Customer reconciler called round by round ({@link Rounds}): what each round sends, writes and asks for. */
@EnableKubernetesMockClient(crud = true)
class CustomerReconcileTest {

    static KubernetesClient client;

    private final AdjustableClock clock = AdjustableClock.standingAt(Instant.parse("2026-12-06T10:00:00Z"));
    private Rounds rounds;
    private CustomerRounds customers;

    @BeforeEach
    void aConnectionToAFakeProvider() {
        rounds = new Rounds(client, "ns-" + UUID.randomUUID().toString().substring(0, 8), clock);
        customers = new CustomerRounds(rounds);
    }

    @Test
    void aConvergedCustomerCostsNoCallAndNoWriteOnItsNextRounds() {
        customers.apply(Fixtures.plainCustomer(rounds.namespace, "stark", "fake"));
        Rounds.Round<Customer> created = customers.reconcile("stark");
        assertThat(created.calls()).containsEntry(Op.CREATE_CUSTOMER, 1);
        assertThat(created.condition(Conditions.READY)).isEqualTo("False/Provisioning");

        // Looked at again when the round asked, not before: the fake provisioned at once, so that look finds it Ready.
        Rounds.Round<Customer> early = customers.reconcile("stark");
        assertThat(early.calls()).isEmpty();
        clock.advance(created.rescheduleAfter().orElseThrow());
        Rounds.Round<Customer> provisioned = customers.reconcile("stark");
        assertThat(provisioned.calls()).containsEntry(Op.GET_CUSTOMER, 1);
        assertThat(provisioned.condition(Conditions.READY)).startsWith("True/");
        for (Duration step : new Duration[] {Duration.ZERO, Duration.ofSeconds(1), Duration.ofMinutes(1)}) {
            clock.advance(step);
            Rounds.Round<Customer> round = customers.reconcile("stark");
            assertThat(round.calls()).as("calls after %s more", step).isEmpty();
            assertThat(round.statusWritten()).as("status written after %s more", step).isFalse();
        }
    }

    @Test
    void aPausedCustomerIsNotCreatedUntilThePauseIsLifted() {
        Customer stark = Fixtures.plainCustomer(rounds.namespace, "stark", "fake");
        stark.getMetadata().setAnnotations(java.util.Map.of(Paused.ANNOTATION, "true"));
        customers.apply(stark);
        Rounds.Round<Customer> paused = customers.reconcile("stark");
        assertThat(paused.calls()).isEmpty();
        assertThat(paused.condition(Conditions.SYNCED)).isEqualTo("False/Paused");
        assertThat(paused.condition(Conditions.RECONCILING)).isEqualTo("False/Paused");

        client.resources(Customer.class).inNamespace(rounds.namespace).withName("stark").edit(c -> {
            c.getMetadata().setAnnotations(java.util.Map.of(Paused.ANNOTATION, "false"));
            return c;
        });
        assertThat(customers.reconcile("stark").calls()).as("any other value resumes it")
                .containsEntry(Op.CREATE_CUSTOMER, 1);
    }

    @Test
    void aLiftedPauseOnAConvergedCustomerSaysSoInSyncedRatherThanStayingPaused() {
        customers.apply(Fixtures.plainCustomer(rounds.namespace, "osborn", "fake"));
        Rounds.Round<Customer> created = customers.reconcile("osborn");
        clock.advance(created.rescheduleAfter().orElseThrow());
        assertThat(customers.reconcile("osborn").condition(Conditions.READY)).startsWith("True/");
        client.resources(Customer.class).inNamespace(rounds.namespace).withName("osborn").edit(c -> {
            c.getMetadata().setAnnotations(java.util.Map.of(Paused.ANNOTATION, "true"));
            return c;
        });
        assertThat(customers.reconcile("osborn").condition(Conditions.SYNCED)).isEqualTo("False/Paused");
        client.resources(Customer.class).inNamespace(rounds.namespace).withName("osborn").edit(c -> {
            c.getMetadata().setAnnotations(java.util.Map.of());
            return c;
        });
        Rounds.Round<Customer> resumed = customers.reconcile("osborn");
        assertThat(resumed.calls()).isEmpty();
        assertThat(resumed.condition(Conditions.SYNCED)).isEqualTo("True/Resumed");
        assertThat(resumed.condition(Conditions.RECONCILING)).isEqualTo("False/Reconciled");
    }

    /**
     * The reconciler records the create's intent and writes it before it sends the create: a reply lost on the way
     * back leaves the record, and the next round finds its own customer under its key instead of creating another.
     */
    @Test
    void aLostCreateReplyIsFoundAgainNotCreatedTwice() {
        rounds.fake.loseNextReply(Op.CREATE_CUSTOMER);
        customers.apply(Fixtures.plainCustomer(rounds.namespace, "wayne", "fake"));
        assertThatThrownBy(() -> customers.reconcile("wayne")).hasMessageContaining("reply of CREATE_CUSTOMER was lost");
        Customer recorded = client.resources(Customer.class).inNamespace(rounds.namespace).withName("wayne").get();
        assertThat(recorded.getStatus().getCreatePending().getKey()).isNotBlank();
        assertThat(recorded.getStatus().getCustomerId()).isNull();

        Rounds.Round<Customer> found = customers.reconcile("wayne");
        assertThat(found.calls()).doesNotContainKey(Op.CREATE_CUSTOMER);
        assertThat(found.resource().getStatus().getCreatePending()).isNull();
        assertThat(rounds.fake.customerRecords()).hasSize(1)
                .containsKey(found.resource().getStatus().getCustomerId());
    }

    /**
     * A spec the provider cannot take needs no call to be found wrong: an outage of its connection does not turn a
     * Customer that waits for a person into one that reads as progressing (kstatus InProgress, Argo CD Progressing).
     */
    @Test
    void aCustomerStalledOnItsSpecStaysStalledThroughAnOutage() {
        Customer nameless = Fixtures.plainCustomer(rounds.namespace, "nameless", "fake");
        nameless.getSpec().setExternalId(null);
        customers.apply(nameless);
        assertThat(customers.reconcile("nameless").condition(Conditions.STALLED)).isEqualTo("True/InvalidSpec");

        rounds.connectionDown();
        Rounds.Round<Customer> during = customers.reconcile("nameless");
        assertThat(during.calls()).isEmpty();
        assertThat(during.condition(Conditions.STALLED)).isEqualTo("True/InvalidSpec");
        assertThat(during.condition(Conditions.READY)).isEqualTo("False/InvalidSpec");
    }

    @Test
    void aValidCustomerWaitsOutAnOutageWithoutCallsAndWithoutTurningStalled() {
        rounds.connectionDown();
        customers.apply(Fixtures.plainCustomer(rounds.namespace, "patient", "fake"));
        Rounds.Round<Customer> during = customers.reconcile("patient");
        assertThat(during.calls()).isEmpty();
        assertThat(during.condition(Conditions.SYNCED)).isEqualTo("False/ProviderUnavailable");
        assertThat(during.condition(Conditions.STALLED)).startsWith("False/");
        assertThat(during.rescheduleAfter()).contains(rounds.config.polling().blocked());
    }

    @Test
    void aCustomerWhoseConnectionIsMissingIsStalledBeforeAnyCall() {
        customers.apply(Fixtures.plainCustomer(rounds.namespace, "lost", "nowhere"));
        Rounds.Round<Customer> stalled = customers.reconcile("lost");
        assertThat(stalled.calls()).isEmpty();
        assertThat(stalled.condition(Conditions.STALLED)).isEqualTo("True/ConnectionNotFound");
        assertThat(stalled.rescheduleAfter()).contains(rounds.config.polling().blocked());
    }
}
