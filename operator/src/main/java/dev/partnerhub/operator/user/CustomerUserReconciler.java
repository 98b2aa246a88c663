package dev.partnerhub.operator.user;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.CustomerUserStatus;
import dev.partnerhub.api.v1alpha1.DeletionPolicy;
import dev.partnerhub.api.v1alpha1.LicenseAssignment;
import dev.partnerhub.desired.LicenseSelection;
import dev.partnerhub.operator.OperatorConfig;
import dev.partnerhub.operator.SpecOrMetadataChanged;
import dev.partnerhub.operator.cache.ByCustomer;
import dev.partnerhub.operator.cache.LeanStore;
import dev.partnerhub.operator.logging.ReconcileLog;
import dev.partnerhub.operator.metrics.ResourceGauges;
import dev.partnerhub.operator.ownership.CreatedWith;
import dev.partnerhub.operator.provider.RemoteChanges;
import dev.partnerhub.operator.provider.Resolved;
import dev.partnerhub.operator.shard.Shard;
import dev.partnerhub.operator.status.Blocked;
import dev.partnerhub.operator.status.CommonReason;
import dev.partnerhub.operator.status.ErrorStatus;
import dev.partnerhub.operator.status.Paused;
import dev.partnerhub.operator.status.StatusRound;
import dev.partnerhub.operator.status.StatusRounds;
import dev.partnerhub.operator.status.StatusSupport;
import dev.partnerhub.operator.tenancy.Namespaces;
import dev.partnerhub.providers.spi.errors.ProviderRejectedException;
import dev.partnerhub.providers.spi.model.RemoteUser;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.quarkiverse.operatorsdk.runtime.api.ConfigurableReconciler;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Converges one user: resolve its Customer, validate the spec, find the subscriber in the customer's
 * snapshot (by ID, else by key) before creating it, change its package, and report the activation state.
 * Pending states wait for a person: they are reported and polled slowly, never retried or recreated.
 */
@ControllerConfiguration(name = "customeruser", generationAwareEventProcessing = false,
        informer = @Informer(onUpdateFilter = SpecOrMetadataChanged.class))
public class CustomerUserReconciler implements ConfigurableReconciler<CustomerUser>, Cleaner<CustomerUser> {

    static final String BY_REMOTE_ID = "byRemoteId";
    private static final Logger LOG = Logger.getLogger(CustomerUserReconciler.class);

    private final UserGate gate;
    private final UserBinding bindings;
    private final UserWrites writes;
    private final ActivationActions actions;
    private final UserFollowUps followUps;
    private final UserDeletion deletion;
    private final RemoteChanges remoteChanges;
    private final Namespaces namespaces;
    private final Shard shard;
    private final OperatorConfig config;
    private final StatusRounds rounds;
    private final ResourceGauges gauges;

    public CustomerUserReconciler(UserGate gate, UserBinding binding, UserWrites writes, ActivationActions actions,
            UserFollowUps followUps, UserDeletion deletion, RemoteChanges remoteChanges, Namespaces namespaces,
            Shard shard, OperatorConfig config, StatusRounds rounds, ResourceGauges gauges) {
        this.gate = gate;
        this.gauges = gauges;
        this.bindings = binding;
        this.writes = writes;
        this.actions = actions;
        this.followUps = followUps;
        this.deletion = deletion;
        this.remoteChanges = remoteChanges;
        this.namespaces = namespaces;
        this.shard = shard;
        this.config = config;
        this.rounds = rounds;
    }

    @Override
    public void updateConfigurationFrom(ControllerConfigurationOverrider<CustomerUser> configuration) {
        shard.restrict(configuration);
        LeanStore.lean(configuration);
    }

    @Override
    public List<EventSource<?, CustomerUser>> prepareEventSources(EventSourceContext<CustomerUser> context) {
        ByCustomer<CustomerUser> byCustomer = ByCustomer.index(context, CreatedWith::customerName);
        gauges.watchUsers(context.getPrimaryCache());
        context.getPrimaryCache().addIndexer(UserKeys.INDEX, UserKeys::of);
        context.getPrimaryCache().addIndexer(BY_REMOTE_ID, u -> u.getStatus() == null ? List.of()
                : Stream.of(u.getStatus().getUserId(), u.getStatus().getPersonId()).filter(Objects::nonNull).toList());
        // A subscriber or person changed or deleted outside the operator: its user looks at once, not at its resync.
        var drift = new SimpleInboundEventSource<CustomerUser>("remote-changes");
        remoteChanges.onChange(ids -> ids.forEach(id -> context.getPrimaryCache().byIndex(BY_REMOTE_ID, id)
                .forEach(u -> drift.propagateEvent(ResourceID.fromResource(u)))));
        var customers = new InformerEventSource<>(shard.restrict(LeanStore.lean(InformerEventSourceConfiguration
                .from(Customer.class, CustomerUser.class)))
                .withOnUpdateFilter((after, before) -> CustomerChange.mattersToUsers(before, after))
                .withPrimaryToSecondaryMapper(byCustomer::customerOf)
                .withSecondaryToPrimaryMapper(byCustomer::resourcesOfCustomer)
                .build(), context);
        var assignments = new InformerEventSource<>(shard.restrict(LeanStore.lean(InformerEventSourceConfiguration
                .from(LicenseAssignment.class, CustomerUser.class)))
                .withSecondaryToPrimaryMapper(a -> byCustomer.resourcesOf(a.getMetadata().getNamespace(),
                        CreatedWith.customerName(a)))
                .build(), context);
        return List.of(customers, assignments, drift);
    }

    @Override
    public UpdateControl<CustomerUser> reconcile(CustomerUser user, Context<CustomerUser> context) {
        try (ReconcileLog log = ReconcileLog.open(user, context.getSecondaryResource(Customer.class))) {
            return reconcileRound(user, context);
        }
    }

    private UpdateControl<CustomerUser> reconcileRound(CustomerUser user, Context<CustomerUser> context) {
        if (namespaces.terminating(user.getMetadata().getNamespace())) {
            // Everything in the namespace goes: no licence or spec change is worth a call now.
            return UpdateControl.noUpdate();
        }
        StatusRound<CustomerUserStatus, CustomerUser> round = rounds.open(context, user, CustomerUserStatus.class);
        if (Paused.on(user)) {
            return round.finishPaused();
        }
        return round.finish(converge(user, context, round));
    }

    /** Decide whether the user may act; bind it to its subscriber; bring that to the spec; report. */
    private Duration converge(CustomerUser user, Context<CustomerUser> context,
            StatusRound<CustomerUserStatus, CustomerUser> round) {
        CustomerUserStatus status = round.status();
        List<LicenseAssignment> assignments = assignmentsOf(user, context);
        UserGate.Verdict verdict = gate.check(user, context.getSecondaryResource(Customer.class), status, assignments,
                context.getPrimaryCache());
        if (verdict instanceof UserGate.Stop stop) {
            round.block(stop.blocked());
            return stop.blocked().retry();
        }
        if (verdict instanceof UserGate.Quiet quiet) {
            return quiet.retry();
        }
        UserGate.Go go = (UserGate.Go) verdict;
        Resolved target = go.target();
        UserWrites.Applied applied;
        ActivationActions.Acted acted;
        RemoteUser subscriber;
        try {
            UserBinding.Binding binding = bindings.bind(user, go.customer(), target, status);
            if (binding instanceof UserBinding.NeedsRestore restore) {
                binding = writes.restore(user, target, status, restore.deleted());
            }
            if (binding instanceof UserBinding.NeedsCreate create) {
                binding = writes.createOrFind(user, go.customer(), target, status,
                        recorded(round, user, target, create));
            }
            if (binding instanceof UserBinding.Foreign foreign) {
                // The other object may go (deleted, purged): look again now and then.
                round.block(Blocked.stalled(CommonReason.AlreadyExists, UserBinding.alreadyExists(user, target,
                        foreign.holder()), config.polling().pending()));
                return config.polling().pending();
            }
            applied = writes.bringToSpec(user, go.customer(), target, (UserBinding.Bound) binding);
            acted = actions.act(user, target, applied.bound().subscriber(), status);
            subscriber = acted.onboard() == null ? applied.bound().subscriber() : writes.create(user, go.customer(),
                    target, status, recorded(round, user, target, acted.onboard())).subscriber();
        } catch (Passwords.PasswordException e) {
            round.block(Blocked.stalled(UserReason.PasswordSecretConflict, e.getMessage(), null));
            return null;
        } catch (ProviderRejectedException e) {
            return UserRefusals.report(e, status, round.conditions(), config.polling().pending());
        }
        return followUps.report(user, go, applied, acted.held(), subscriber, round, assignments);
    }

    /** A create's intent recorded in the status and written, before the create is sent. */
    private UserWrites.RecordedCreate recorded(StatusRound<CustomerUserStatus, CustomerUser> round, CustomerUser user,
            Resolved target, UserBinding.NeedsCreate create) {
        UserWrites.RecordedCreate recorded = writes.recordCreate(user, target, round.status(), create);
        round.persist();
        return recorded;
    }

    /** The LicenseAssignments of the user's Customer, from the informer this controller keeps of them. */
    @SuppressWarnings("unchecked")
    private static List<LicenseAssignment> assignmentsOf(CustomerUser user, Context<CustomerUser> context) {
        var assignments = (InformerEventSource<LicenseAssignment, CustomerUser>) context.eventSourceRetriever()
                .getEventSourceFor(LicenseAssignment.class);
        return assignments.list(user.getMetadata().getNamespace())
                .filter(a -> LicenseSelection.sameCustomer(a, user)).toList();
    }

    @Override
    public DeleteControl cleanup(CustomerUser user, Context<CustomerUser> context) {
        try (ReconcileLog log = ReconcileLog.open(user, context.getSecondaryResource(Customer.class))) {
            return cleanupRound(user, context);
        }
    }

    private DeleteControl cleanupRound(CustomerUser user, Context<CustomerUser> context) {
        String name = user.getMetadata().getNamespace() + "/" + user.getMetadata().getName();
        Optional<Customer> customer = context.getSecondaryResource(Customer.class);
        // Deleted together with its Customer (the Customer is being deleted, or the whole namespace is), a user
        // follows the Customer's policy: an Orphan customer keeps all its users.
        boolean customerOrphaned = customer.filter(c -> c.getSpec().getDeletionPolicy() == DeletionPolicy.Orphan
                && (c.getMetadata().getDeletionTimestamp() != null
                        || namespaces.terminating(user.getMetadata().getNamespace()))).isPresent();
        if (user.getSpec().getDeletionPolicy() == DeletionPolicy.Orphan || customerOrphaned) {
            LOG.infof("CustomerUser %s deleted; its subscriber is kept in the hub (deletionPolicy Orphan%s)", name,
                    customerOrphaned ? " of its Customer, deleted with it" : "");
            return forget(user);
        }
        if (Paused.on(user)) {
            rounds.open(context, user, CustomerUserStatus.class).pause(true);
            return DeleteControl.noFinalizerRemoval();
        }
        Optional<UserDeletion.Blocker> blocker = deletion.delete(user, customer);
        if (blocker.isEmpty()) {
            return forget(user);
        }
        LOG.warnf("CustomerUser %s: %s", name, blocker.get().message());
        rounds.open(context, user, CustomerUserStatus.class)
                .block(Blocked.stalled(blocker.get().reason(), blocker.get().message(), null)).finish(null);
        return DeleteControl.noFinalizerRemoval().rescheduleAfter(config.polling().blocked().toMillis());
    }

    /** Lets the user go, and what the operator keeps in memory of it. */
    private DeleteControl forget(CustomerUser user) {
        followUps.forget(user);
        return DeleteControl.defaultDelete();
    }

    @Override
    public ErrorStatusUpdateControl<CustomerUser> updateErrorStatus(CustomerUser user, Context<CustomerUser> context,
            Exception e) {
        try (ReconcileLog log = ReconcileLog.open(user, context.getSecondaryResource(Customer.class))) {
            return ErrorStatus.of(context, user, e, CustomerUserStatus.class, rounds, config.polling().blocked(),
                    (status, pe) -> status.setErrors(StatusSupport.errors(pe)));
        }
    }
}
