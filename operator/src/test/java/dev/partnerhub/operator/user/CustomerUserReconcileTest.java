package dev.partnerhub.operator.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partnerhub.api.v1alpha1.ActivationState;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.operator.Fixtures;
import dev.partnerhub.operator.fake.FakeProvider.Op;
import dev.partnerhub.operator.harness.Rounds;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.operator.status.Paused;
import dev.partnerhub.providers.spi.errors.ProviderRejectedException;
import dev.partnerhub.providers.spi.errors.ProviderUnavailableException;
import dev.partnerhub.providers.spi.errors.RemoteError;
import dev.partnerhub.providers.spi.model.UserState;
import dev.partnerhub.sandbox.AdjustableClock;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The CustomerUser reconciler called round by round ({@link UserRounds}): what each round sends to the provider,
 * writes and asks for, asserted on the round itself, with no waiting and no clock window. The end-to-end tests
 * (WholesaleLifecycleTest, BroadWorksActivationTest) show the same behaviour through the running operator.
 */
@EnableKubernetesMockClient(crud = true)
class CustomerUserReconcileTest {

    static KubernetesClient client;

    private final AdjustableClock clock = AdjustableClock.standingAt(Instant.parse("2026-12-06T10:00:00Z"));
    private Rounds rounds;
    private UserRounds users;

    @BeforeEach
    void aReadyCustomerOnAFakeProvider() {
        rounds = new Rounds(client, "ns-" + UUID.randomUUID().toString().substring(0, 8), clock);
        users = new UserRounds(rounds);
    }

    @Test
    void aConvergedUserCostsNoCallAndNoWriteOnItsNextRound() {
        users.apply(user("ann"));
        Rounds.Round<CustomerUser> first = users.reconcile("ann");
        assertThat(first.calls()).containsEntry(Op.CREATE_USER, 1);
        assertThat(first.condition(Conditions.READY)).startsWith("True/");
        assertThat(first.rescheduleAfter()).contains(rounds.config.polling().resync());

        Rounds.Round<CustomerUser> second = users.reconcile("ann");
        assertThat(second.calls()).isEmpty();
        assertThat(second.statusWritten()).isFalse();
        assertThat(second.rescheduleAfter()).contains(rounds.config.polling().resync());

        // Past the directory's max-age: a converged user only looks for drift, and the customer's list read for all
        // its users up to a full refresh ago does for that.
        clock.advance(Duration.ofMinutes(1));
        Rounds.Round<CustomerUser> later = users.reconcile("ann");
        assertThat(later.calls()).isEmpty();
        assertThat(later.statusWritten()).isFalse();
    }

    @Test
    void aUserWaitingForAPersonIsPolledWithoutACreateOrAWrite() {
        rounds.fake.createUsersIn(UserState.PENDING_EMAIL_VALIDATION);
        users.apply(user("bea"));
        Rounds.Round<CustomerUser> first = users.reconcile("bea");
        assertThat(first.calls()).containsEntry(Op.CREATE_USER, 1);
        assertThat(first.resource().getStatus().getActivation().getState())
                .isEqualTo(ActivationState.PendingEmailValidation);
        assertThat(first.condition(Conditions.READY)).isEqualTo("False/PendingEmailValidation");
        assertThat(first.rescheduleAfter()).contains(rounds.config.polling().pending());

        // The next poll, once the directory's snapshot is too old to stand in: one list, no create, nothing written.
        clock.advance(rounds.config.directory().maxAge().plusSeconds(1));
        Rounds.Round<CustomerUser> poll = users.reconcile("bea");
        assertThat(poll.calls()).isEqualTo(Map.of(Op.LIST_USERS, 1));
        assertThat(poll.statusWritten()).isFalse();
        assertThat(poll.rescheduleAfter()).contains(rounds.config.polling().pending());
        assertThat(rounds.fake.usersOf(users.customerId)).hasSize(1);
    }

    @Test
    void aRefusedSpecIsNotSentAgainBeforeTheResyncThenIsRetried() {
        rounds.fake.failNext(Op.CREATE_USER, new ProviderRejectedException("refused", 400,
                List.of(new RemoteError("E42", "The domain of this address is not verified.", "FAKE-77")), "FAKE-77"));
        users.apply(user("cid"));
        Rounds.Round<CustomerUser> refused = users.reconcile("cid");
        assertThat(refused.calls()).containsEntry(Op.CREATE_USER, 1);
        assertThat(refused.condition(Conditions.STALLED)).isEqualTo("True/ProviderRejected");
        assertThat(refused.rescheduleAfter()).isEmpty();

        // An unrelated event (its Customer's tally, a sibling): the same request is not sent again.
        Rounds.Round<CustomerUser> quiet = users.reconcile("cid");
        assertThat(quiet.calls()).isEmpty();
        assertThat(quiet.statusWritten()).isFalse();
        assertThat(quiet.rescheduleAfter()).contains(rounds.config.polling().resync());

        clock.advance(rounds.config.polling().resync());
        Rounds.Round<CustomerUser> retried = users.reconcile("cid");
        assertThat(retried.calls()).containsEntry(Op.CREATE_USER, 1);
        assertThat(retried.condition(Conditions.READY)).startsWith("True/");
    }

    /**
     * A refusal waits for a person; once the person changed the spec, a failure of the next call is the operator's to
     * retry: the status tells the failure and no longer reads as Stalled on the refusal of the spec before.
     */
    @Test
    void aFailureAfterARefusedSpecWasEditedNoLongerReadsAsStalled() {
        rounds.fake.failNext(Op.CREATE_USER, new ProviderRejectedException("refused", 400,
                List.of(new RemoteError("E42", "The domain of this address is not verified.", "FAKE-78")), "FAKE-78"));
        users.apply(user("gus"));
        assertThat(users.reconcile("gus").condition(Conditions.STALLED)).isEqualTo("True/ProviderRejected");

        client.resources(CustomerUser.class).inNamespace(rounds.namespace).withName("gus").edit(u -> {
            u.getSpec().setFirstName("Gustav");
            return u;
        });
        ProviderUnavailableException down = new ProviderUnavailableException("the fake provider is down", 503,
                List.of(), "FAKE-79", null, null);
        rounds.fake.failNext(Op.CREATE_USER, down);
        assertThatThrownBy(() -> users.reconcile("gus")).isSameAs(down);
        users.failed("gus", down);

        CustomerUser failed = users.user("gus");
        assertThat(condition(failed, Conditions.SYNCED)).isEqualTo("False/ProviderUnavailable");
        assertThat(condition(failed, Conditions.STALLED)).startsWith("False/");
    }

    @Test
    void aSecondUserWithTheSameEmailIsRefusedBeforeAnyCall() {
        users.apply(user("dan"));
        users.reconcile("dan");
        CustomerUser twin = user("dan-again");
        twin.getSpec().setEmail("DAN@acme.example.com");
        users.apply(twin);

        Rounds.Round<CustomerUser> refused = users.reconcile("dan-again");
        assertThat(refused.calls()).isEmpty();
        assertThat(refused.condition(Conditions.STALLED)).isEqualTo("True/DuplicateUser");
        assertThat(refused.rescheduleAfter()).contains(rounds.config.polling().blocked());
    }

    @Test
    void aUserOfACustomerThatDoesNotExistIsStalledBeforeAnyCallAndWaitsForAnEvent() {
        CustomerUser orphan = user("eve");
        orphan.getSpec().getCustomerRef().setName("nobody");
        users.apply(orphan);

        Rounds.Round<CustomerUser> stalled = users.reconcile("eve");
        assertThat(stalled.calls()).isEmpty();
        assertThat(stalled.condition(Conditions.STALLED)).isEqualTo("True/CustomerNotFound");
        assertThat(stalled.rescheduleAfter()).isEmpty();
    }

    @Test
    void aLostCreateReplyIsFoundAgainNotCreatedTwice() {
        rounds.fake.loseNextReply(Op.CREATE_USER);
        users.apply(user("fay"));
        assertThatThrownBy(() -> users.reconcile("fay"))
                .hasMessageContaining("reply of CREATE_USER was lost");
        assertThat(users.user("fay").getStatus().getCreatePending().getKey()).isEqualTo("fay@acme.example.com");

        Rounds.Round<CustomerUser> found = users.reconcile("fay");
        assertThat(found.calls()).doesNotContainKey(Op.CREATE_USER);
        assertThat(found.resource().getStatus().getCreatePending()).isNull();
        assertThat(rounds.fake.usersOf(users.customerId)).hasSize(1)
                .containsKey(found.resource().getStatus().getUserId());
    }

    @Test
    void aPausedUserMakesNoCallUntilThePauseIsLifted() {
        CustomerUser ann = user("ann");
        ann.getMetadata().setAnnotations(Map.of(Paused.ANNOTATION, "true"));
        users.apply(ann);
        Rounds.Round<CustomerUser> paused = users.reconcile("ann");
        assertThat(paused.calls()).isEmpty();
        assertThat(paused.condition(Conditions.SYNCED)).isEqualTo("False/Paused");
        assertThat(paused.condition(Conditions.RECONCILING)).isEqualTo("False/Paused");
        assertThat(paused.rescheduleAfter()).as("the annotation's removal is the next event").isEmpty();
        assertThat(paused.resource().getStatus().getObservedGeneration())
                .as("never acted on: no generation seen, so kstatus reads it as in progress").isZero();

        pause("ann", null);
        Rounds.Round<CustomerUser> resumed = users.reconcile("ann");
        assertThat(resumed.calls()).containsEntry(Op.CREATE_USER, 1);
        assertThat(resumed.condition(Conditions.READY)).startsWith("True/");
        assertThat(resumed.condition(Conditions.SYNCED)).isNotEqualTo("False/Paused");
    }

    @Test
    void aPausedUserKeepsItsReadyAndIsNotRemovedFromTheProviderWhenDeleted() {
        users.apply(user("cy"));
        assertThat(users.reconcile("cy").calls()).containsEntry(Op.CREATE_USER, 1);
        pause("cy", "true");
        Rounds.Round<CustomerUser> paused = users.reconcile("cy");
        assertThat(paused.calls()).isEmpty();
        assertThat(paused.condition(Conditions.READY)).as("as last observed").startsWith("True/");
        Long acted = paused.resource().getStatus().getObservedGeneration();
        rounds.client.resources(CustomerUser.class).inNamespace(rounds.namespace).withName("cy")
                .edit(u -> {
                    u.getSpec().setDisplayName("Cy, renamed while paused");
                    return u;
                });
        Rounds.Round<CustomerUser> edited = users.reconcile("cy");
        assertThat(edited.calls()).isEmpty();
        assertThat(edited.resource().getStatus().getObservedGeneration())
                .as("an edit made while paused reads as not yet seen").isEqualTo(acted)
                .isLessThan(edited.resource().getMetadata().getGeneration());

        Map<Op, Integer> before = rounds.fake.calls();
        assertThat(users.cleanup("cy").isRemoveFinalizer()).isFalse();
        assertThat(rounds.fake.calls()).as("no call, no removal").isEqualTo(before);
        assertThat(Conditions.find(users.user("cy").getStatus().getConditions(), Conditions.SYNCED).orElseThrow()
                .getMessage()).startsWith("Deletion held: paused");

        pause("cy", null);
        assertThat(users.cleanup("cy").isRemoveFinalizer()).isTrue();
        assertThat(rounds.fake.calls()).containsEntry(Op.DELETE_USER, before.getOrDefault(Op.DELETE_USER, 0) + 1);
    }

    @Test
    void aLiftedPauseLeavesNoPausedConditionBehindOnAConvergedUser() {
        users.apply(user("dee"));
        users.reconcile("dee");
        pause("dee", "true");
        users.reconcile("dee");
        pause("dee", null);
        Rounds.Round<CustomerUser> resumed = users.reconcile("dee");
        assertThat(resumed.calls()).isEmpty();
        assertThat(resumed.condition(Conditions.SYNCED)).startsWith("True/").isNotEqualTo("True/Paused");
        assertThat(resumed.condition(Conditions.RECONCILING)).startsWith("False/").isNotEqualTo("False/Paused");
        assertThat(resumed.condition(Conditions.READY)).startsWith("True/");
    }

    /** Sets or (null) removes the pause annotation, as a person's kubectl annotate would. */
    private void pause(String name, String value) {
        rounds.client.resources(CustomerUser.class).inNamespace(rounds.namespace).withName(name).edit(u -> {
            Map<String, String> annotations = new java.util.HashMap<>(u.getMetadata().getAnnotations() == null
                    ? Map.of() : u.getMetadata().getAnnotations());
            if (value == null) {
                annotations.remove(Paused.ANNOTATION);
            } else {
                annotations.put(Paused.ANNOTATION, value);
            }
            u.getMetadata().setAnnotations(annotations);
            return u;
        });
    }

    private CustomerUser user(String name) {
        return Fixtures.user(rounds.namespace, name, "acme", name + "@acme.example.com", null, null);
    }

    private static String condition(CustomerUser user, String type) {
        return Conditions.find(user.getStatus().getConditions(), type)
                .map(c -> c.getStatus() + "/" + c.getReason()).orElse(null);
    }
}
