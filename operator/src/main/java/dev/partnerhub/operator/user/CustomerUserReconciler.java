package dev.partnerhub.operator.user;

import dev.partnerhub.api.v1alpha1.ActivationState;
import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.CustomerUserStatus;
import dev.partnerhub.api.v1alpha1.DeletionPolicy;
import dev.partnerhub.api.v1alpha1.LicenseAssignment;
import dev.partnerhub.desired.LicenseSelection;
import dev.partnerhub.desired.UserDesiredState;
import dev.partnerhub.desired.UserFields;
import dev.partnerhub.operator.OperatorConfig;
import dev.partnerhub.operator.SpecOrMetadataChanged;
import dev.partnerhub.operator.cache.ByCustomer;
import dev.partnerhub.operator.cache.LeanStore;
import dev.partnerhub.operator.license.ContactCenterSyncs;
import dev.partnerhub.operator.license.UserLicensing;
import dev.partnerhub.operator.ownership.CreatedWith;
import dev.partnerhub.operator.provider.RemoteChanges;
import dev.partnerhub.operator.provider.Resolved;
import dev.partnerhub.operator.shard.Shard;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.operator.status.ErrorStatus;
import dev.partnerhub.operator.status.StatusSupport;
import dev.partnerhub.operator.status.StatusWrite;
import dev.partnerhub.operator.tenancy.Namespaces;
import dev.partnerhub.providers.spi.ProviderRejectedException;
import dev.partnerhub.providers.spi.RemoteUser;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.quarkiverse.operatorsdk.runtime.api.ConfigurableReconciler;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
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

    private final UserSync sync;
    private final UserDeletion deletion;
    private final ActivationActions actions;
    private final UserLicensing licensing;
    private final PersonSync people;
    private final ContactCenterSyncs contactCenter;
    private final RemoteChanges remoteChanges;
    private final Namespaces namespaces;
    private final Shard shard;
    private final OperatorConfig config;
    private final Clock clock;
    private volatile InformerEventSource<LicenseAssignment, CustomerUser> assignments;
    private volatile IndexedResourceCache<CustomerUser> users;

    public CustomerUserReconciler(UserSync sync, UserDeletion deletion, ActivationActions actions,
            UserLicensing licensing, PersonSync people, ContactCenterSyncs contactCenter, RemoteChanges remoteChanges,
            Namespaces namespaces, Shard shard, OperatorConfig config, Clock clock) {
        this.sync = sync;
        this.deletion = deletion;
        this.actions = actions;
        this.licensing = licensing;
        this.people = people;
        this.contactCenter = contactCenter;
        this.remoteChanges = remoteChanges;
        this.namespaces = namespaces;
        this.shard = shard;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public void updateConfigurationFrom(ControllerConfigurationOverrider<CustomerUser> configuration) {
        shard.restrict(configuration);
        LeanStore.lean(configuration);
    }

    @Override
    public List<EventSource<?, CustomerUser>> prepareEventSources(EventSourceContext<CustomerUser> context) {
        ByCustomer<CustomerUser> byCustomer = ByCustomer.index(context, CreatedWith::customerName);
        context.getPrimaryCache().addIndexer(UserKeys.INDEX, UserKeys::of);
        context.getPrimaryCache().addIndexer(BY_REMOTE_ID, u -> u.getStatus() == null ? List.of()
                : Stream.of(u.getStatus().getUserId(), u.getStatus().getPersonId()).filter(Objects::nonNull).toList());
        users = context.getPrimaryCache();
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
        assignments = new InformerEventSource<>(shard.restrict(LeanStore.lean(InformerEventSourceConfiguration
                .from(LicenseAssignment.class, CustomerUser.class)))
                .withSecondaryToPrimaryMapper(a -> byCustomer.resourcesOf(a.getMetadata().getNamespace(),
                        CreatedWith.customerName(a)))
                .build(), context);
        return List.of(customers, assignments, drift);
    }

    @Override
    public UpdateControl<CustomerUser> reconcile(CustomerUser user, Context<CustomerUser> context) {
        if (namespaces.terminating(user.getMetadata().getNamespace())) {
            // Everything in the namespace goes: no licence or spec change is worth a call now.
            return UpdateControl.noUpdate();
        }
        CustomerUserStatus previous = user.getStatus();
        CustomerUserStatus status = copy(previous);
        Conditions conditions = Conditions.builder();
        Runnable persist = () -> StatusWrite.patch(context, user, previous, status);
        Duration next = CreatedWith.refuseChanges(status, CreatedWith.of(user), "CustomerUser", conditions) ? null
                : converge(user, context.getSecondaryResource(Customer.class), status, conditions, persist);
        conditions.applyTo(status, user.getMetadata().getGeneration(), clock);
        return StatusWrite.finish(context, user, previous, status, next);
    }

    private Duration converge(CustomerUser user, Optional<Customer> customer, CustomerUserStatus status,
            Conditions conditions, Runnable persist) {
        String blocker = customer.isEmpty() ? shard.customerElsewhere(user.getMetadata().getNamespace(),
                CreatedWith.customerName(user)).orElse(sync.blocker(user, customer)) : sync.blocker(user, customer);
        if (blocker != null) {
            String reason = customer.isEmpty() ? "CustomerNotFound" : "CustomerNotReady";
            // Stalled only where a person must act: no Customer, or one that is itself stalled; else it waits.
            conditions.ready(false, reason, blocker).stalledIf(customer.isEmpty()
                    || Conditions.isTrue(customer.get().getStatus(), Conditions.STALLED), reason, blocker);
            return customer.isEmpty() ? null : config.polling().blocked();
        }
        Resolved target = sync.target(customer.get());
        if (target == null) {
            String message = "The PartnerConnection of Customer " + customer.get().getMetadata().getName()
                    + " is missing or has no usable credentials; see the Customer's status.";
            conditions.ready(false, "CustomerNotReady", message).stalled("CustomerNotReady", message);
            return config.polling().blocked();
        }
        if (UserActivation.converged(user)) {
            // Only drift can be found: the customer's lists, read once per full refresh for all its users, will do.
            target = target.tolerating(config.directory().fullRefresh());
        }
        UserDesiredState.Refusal refusal = UserDesiredState.refusal(user, customer.get(), target.capabilities(),
                target.provider().people(), target.provider().licensing(), assignmentsOf(user));
        if (refusal != null) {
            conditions.ready(false, refusal.reason(), refusal.message()).stalled(refusal.reason(), refusal.message());
            return null;
        }
        status.setWarnings(UserDesiredState.warnings(user.getSpec(), target.capabilities(),
                target.provider().licensing()));
        Optional<String> duplicate = UserKeys.duplicateOf(user, users);
        if (duplicate.isPresent()) {
            conditions.ready(false, "DuplicateUser", duplicate.get()).stalled("DuplicateUser", duplicate.get());
            // The other user's deletion sends no event here: look again later.
            return config.polling().blocked();
        }
        if (UserChanges.refusedRecently(user, status, clock.instant(), config.polling().resync())) {
            return config.polling().resync();
        }
        UserChanges changes = UserChanges.before(user, status);
        ActivationActions.Acted acted;
        UserSync.Applied applied;
        try {
            applied = sync.apply(user, customer.get(), target, status, persist);
            if (applied.bound().refused()) {
                String message = UserBinding.alreadyExists(user, target, applied.bound().foreign());
                conditions.ready(false, "AlreadyExists", message).stalled("AlreadyExists", message);
                // The other object may go (deleted, purged): look again now and then.
                return config.polling().pending();
            }
            acted = actions.act(user, customer.get(), target, applied.bound().subscriber(), status, persist);
        } catch (Passwords.PasswordException e) {
            conditions.ready(false, "PasswordSecretConflict", e.getMessage())
                    .stalled("PasswordSecretConflict", e.getMessage());
            return null;
        } catch (ProviderRejectedException e) {
            return UserRefusals.report(e, status, conditions, config.polling().pending());
        }
        RemoteUser remote = acted.subscriber();
        UserActivation.apply(status, remote, conditions, clock.instant());
        if (applied.bound().how() == UserBinding.How.RESTORED) {
            UserActivation.restored(status, conditions);
        }
        Duration next = shorter(pollInterval(status.getActivation().getState()),
                licensing.converge(user, target, status, conditions, assignmentsOf(user)));
        if (acted.held()) {
            // The approval is made on the connection, which sends no event here.
            next = shorter(next, config.polling().blocked());
        }
        List<UserFields.Difference> mended = new ArrayList<>(UserFields.through(applied.differences(),
                target.capabilities().users().updatable()));
        if (status.getActivation().getState() == ActivationState.Provisioned) {
            mended.addAll(people.reconcile(user, customer.get(), target, status, applied.differences(), conditions));
        }
        changes.report(applied.bound(), mended, conditions, clock.instant());
        if (status.getActivation().getState() == ActivationState.Provisioned) {
            next = shorter(next, contactCenter.reconcile(user, target, status, conditions));
            // Its person appears in the org's people list shortly: its licences and person fields follow then.
            next = shorter(next, people.awaitingPerson(customer.get(), target, status, conditions));
        }
        String unsupported = Stream.of(UserFields.unmendable(applied.differences(), target.capabilities().users(),
                target.provider().people().updatable()), UserFields.emailRefusal(user.getSpec(), remote))
                .filter(Objects::nonNull).collect(Collectors.joining(" "));
        if (!unsupported.isEmpty()) {
            conditions.ready(false, "UnsupportedByProvider", unsupported)
                    .synced(false, "UnsupportedByProvider", unsupported).stalled("UnsupportedByProvider", unsupported);
        }
        return next;
    }

    private List<LicenseAssignment> assignmentsOf(CustomerUser user) {
        return assignments == null ? List.of() : assignments.list(user.getMetadata().getNamespace())
                .filter(a -> LicenseSelection.sameCustomer(a, user)).toList();
    }

    private static Duration shorter(Duration a, Duration b) {
        return a == null ? b : b == null ? a : a.compareTo(b) <= 0 ? a : b;
    }

    private Duration pollInterval(ActivationState state) {
        if (state == ActivationState.Provisioned) {
            return config.polling().resync();
        }
        return state.isPending() || state == ActivationState.Error ? config.polling().pending()
                : config.polling().inProgress();
    }

    @Override
    public DeleteControl cleanup(CustomerUser user, Context<CustomerUser> context) {
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
        Optional<UserDeletion.Blocker> blocker = deletion.delete(user, customer);
        if (blocker.isEmpty()) {
            return forget(user);
        }
        LOG.warnf("CustomerUser %s: %s", name, blocker.get().message());
        CustomerUserStatus previous = user.getStatus();
        CustomerUserStatus status = copy(previous);
        Conditions.builder().ready(false, blocker.get().reason(), blocker.get().message())
                .stalled(blocker.get().reason(), blocker.get().message())
                .applyTo(status, user.getMetadata().getGeneration(), clock);
        StatusWrite.patch(context, user, previous, status);
        return DeleteControl.noFinalizerRemoval().rescheduleAfter(config.polling().blocked().toMillis());
    }

    /** Lets the user go, and what the operator keeps in memory of it. */
    private DeleteControl forget(CustomerUser user) {
        licensing.forget(user.getMetadata().getUid());
        contactCenter.forget(user.getMetadata().getUid());
        return DeleteControl.defaultDelete();
    }

    @Override
    public ErrorStatusUpdateControl<CustomerUser> updateErrorStatus(CustomerUser user, Context<CustomerUser> context,
            Exception e) {
        return ErrorStatus.of(context, user, e, CustomerUserReconciler::copy, clock, config.polling().blocked(),
                (status, pe) -> status.setErrors(StatusSupport.errors(pe)));
    }

    static CustomerUserStatus copy(CustomerUserStatus status) {
        return status == null ? new CustomerUserStatus() : StatusSupport.copy(status, CustomerUserStatus.class);
    }
}
