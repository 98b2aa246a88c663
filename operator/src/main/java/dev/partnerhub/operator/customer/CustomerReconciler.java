package dev.partnerhub.operator.customer;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerStatus;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.DeletionPolicy;
import dev.partnerhub.api.v1alpha1.PartnerConnection;
import dev.partnerhub.operator.OperatorConfig;
import dev.partnerhub.operator.SpecOrMetadataChanged;
import dev.partnerhub.operator.cache.LeanStore;
import dev.partnerhub.operator.logging.ReconcileLog;
import dev.partnerhub.operator.ownership.CreatedWith;
import dev.partnerhub.operator.provider.ProviderRegistry;
import dev.partnerhub.operator.shard.Shard;
import dev.partnerhub.operator.status.Blocked;
import dev.partnerhub.operator.status.CommonReason;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.operator.status.ErrorStatus;
import dev.partnerhub.operator.status.Paused;
import dev.partnerhub.operator.status.StatusRound;
import dev.partnerhub.operator.status.StatusRounds;
import dev.partnerhub.operator.status.StatusSupport;
import dev.partnerhub.operator.tenancy.Namespaces;
import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.providers.spi.errors.ProviderRejectedException;
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
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.quarkiverse.operatorsdk.runtime.api.ConfigurableReconciler;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Converges one customer organization: resolve and check the connection, validate the spec, look the
 * customer up (by ID, else by externalId) before creating it, follow the hub's asynchronous provisioning,
 * replace the package list when it differs, and count the customer's users. Deletion honours deletionPolicy.
 */
@ControllerConfiguration(name = "customer", generationAwareEventProcessing = false,
        informer = @Informer(onUpdateFilter = SpecOrMetadataChanged.class))
public class CustomerReconciler implements ConfigurableReconciler<Customer>, Cleaner<Customer> {

    static final String BY_CONNECTION = "byConnection";
    private static final Logger LOG = Logger.getLogger(CustomerReconciler.class);

    private final CustomerGate gate;
    private final CustomerSync sync;
    private final CustomerListings listings;
    private final CustomerDeletion deletion;
    private final Namespaces namespaces;
    private final Shard shard;
    private volatile InformerEventSource<PartnerConnection, Customer> connections;
    private final OperatorConfig config;
    private final StatusRounds rounds;

    public CustomerReconciler(CustomerGate gate, CustomerSync sync, CustomerListings listings,
            CustomerDeletion deletion, Namespaces namespaces, Shard shard, OperatorConfig config, StatusRounds rounds) {
        this.gate = gate;
        this.sync = sync;
        this.listings = listings;
        this.deletion = deletion;
        this.namespaces = namespaces;
        this.shard = shard;
        this.config = config;
        this.rounds = rounds;
    }

    @Override
    public void updateConfigurationFrom(ControllerConfigurationOverrider<Customer> configuration) {
        shard.restrict(configuration);
        LeanStore.lean(configuration);
    }

    @Override
    public List<EventSource<?, Customer>> prepareEventSources(EventSourceContext<Customer> context) {
        context.getPrimaryCache().addIndexer(BY_CONNECTION, c -> List.of(CreatedWith.connectionKey(c)));
        context.getPrimaryCache().addIndexer(CustomerKeys.INDEX, CustomerKeys::of);
        connections = new InformerEventSource<>(InformerEventSourceConfiguration
                .from(PartnerConnection.class, Customer.class)
                .withPrimaryToSecondaryMapper((Customer c) -> Set.of(CreatedWith.connectionId(c)))
                .withSecondaryToPrimaryMapper(conn -> context.getPrimaryCache()
                        .byIndex(BY_CONNECTION, ProviderRegistry.key(conn.getMetadata().getNamespace(),
                                conn.getMetadata().getName()))
                        .stream().map(ResourceID::fromResource).collect(Collectors.toSet()))
                .build(), context);
        var users = new InformerEventSource<>(shard.restrict(LeanStore.lean(InformerEventSourceConfiguration
                .from(CustomerUser.class, Customer.class)))
                .withSecondaryToPrimaryMapper(u -> Set.of(new ResourceID(CreatedWith.customerName(u),
                        u.getMetadata().getNamespace())))
                .build(), context);
        return List.of(connections, users);
    }

    @Override
    public UpdateControl<Customer> reconcile(Customer customer, Context<Customer> context) {
        try (ReconcileLog log = ReconcileLog.open(customer, Optional.of(customer))) {
            return reconcileRound(customer, context);
        }
    }

    private UpdateControl<Customer> reconcileRound(Customer customer, Context<Customer> context) {
        if (namespaces.terminating(customer.getMetadata().getNamespace())) {
            return UpdateControl.noUpdate();
        }
        StatusRound<CustomerStatus, Customer> round = rounds.open(context, customer, CustomerStatus.class);
        if (Paused.on(customer)) {
            return round.finishPaused();
        }
        Duration next = CreatedWith.refuseChanges(round.status(), CreatedWith.of(customer), "Customer",
                round.conditions()) ? null : convergeAndCount(customer, context, round);
        return round.finish(next);
    }

    private Duration convergeAndCount(Customer customer, Context<Customer> context,
            StatusRound<CustomerStatus, Customer> round) {
        CustomerStatus previous = customer.getStatus();
        CustomerStatus status = round.status();
        Duration next = converge(customer, context, round);
        status.setUsers(UserTally.count(context.getSecondaryResources(CustomerUser.class)));
        if (knownToTheHub(previous, status)) {
            status.setUndeclared(listings.undeclared(customer, status,
                    context.getSecondaryResources(CustomerUser.class)));
            status.setDeletedUsers(listings.deletedUsers(customer, status));
            next = next == null || next.compareTo(config.polling().pending()) > 0 ? config.polling().pending() : next;
        }
        return next;
    }

    /** Brings the provider toward the spec; returns when to look again (null: on the next event only). */
    private Duration converge(Customer customer, Context<Customer> context,
            StatusRound<CustomerStatus, Customer> round) {
        CustomerStatus status = round.status();
        Conditions conditions = round.conditions();
        CustomerGate.Verdict verdict = gate.check(customer, context.getSecondaryResource(PartnerConnection.class),
                context.getPrimaryCache(), other -> allowed(other, context));
        if (verdict instanceof CustomerGate.Stop stop) {
            round.block(stop.blocked());
            return stop.blocked().retry();
        }
        if (verdict instanceof CustomerGate.Outage outage) {
            sync.unobserved(customer.getMetadata().getUid());
            conditions.synced(false, CommonReason.ProviderUnavailable, outage.message()).notStalled();
            return config.polling().blocked();
        }
        Provider provider = ((CustomerGate.Go) verdict).provider();
        try {
            return switch (provider.capabilities().customers().creation()) {
                case EXPLICIT -> createdIfNeeded(customer, provider, round,
                        sync.converge(customer, provider, status, conditions));
                case WITH_FIRST_USER -> sync.convergeWithFirstUser(customer, provider, status, conditions,
                        context.getSecondaryResources(CustomerUser.class));
                case EXISTING -> sync.convergeExisting(customer, provider, status, conditions);
            };
        } catch (ProviderRejectedException e) {
            String message = "The hub refused the customer (HTTP " + e.httpStatus() + "): "
                    + StatusSupport.firstDescription(e);
            status.setErrors(StatusSupport.errors(e));
            conditions.refused(CommonReason.ProviderRejected, message);
            return null;
        }
    }

    /** A create the round came to: its intent recorded and written, then sent. */
    private Duration createdIfNeeded(Customer customer, Provider provider, StatusRound<CustomerStatus, Customer> round,
            CustomerSync.Step step) {
        if (step.create() == null) {
            return step.next();
        }
        sync.recordCreate(round.status(), step.create());
        round.persist();
        return sync.create(customer, provider, round.status(), round.conditions(), step.create()).next();
    }

    /**
     * Whether the hub holds this customer, so that its undeclared users can be listed: a Ready customer with
     * an ID, or any customer whose org exists (one the provider creates with its first user gets its org then).
     */
    private static boolean knownToTheHub(CustomerStatus previous, CustomerStatus status) {
        return (Conditions.isTrue(previous, Conditions.READY) && status.getCustomerId() != null)
                || status.getOrgId() != null;
    }

    /** Whether a Customer may use its connection (from the connections informer): only such a Customer holds keys. */
    private boolean allowed(Customer other, Context<Customer> context) {
        return connections != null && connections.get(CreatedWith.connectionId(other))
                .map(c -> namespaces.mayUse(other.getMetadata().getNamespace(), c)).orElse(false);
    }

    @Override
    public DeleteControl cleanup(Customer customer, Context<Customer> context) {
        try (ReconcileLog log = ReconcileLog.open(customer, Optional.of(customer))) {
            return cleanupRound(customer, context);
        }
    }

    private DeleteControl cleanupRound(Customer customer, Context<Customer> context) {
        Set<CustomerUser> users = context.getSecondaryResources(CustomerUser.class);
        if (!users.isEmpty()) {
            LOG.debugf("Customer %s/%s waits for its %d CustomerUsers to be deleted", customer.getMetadata()
                    .getNamespace(), customer.getMetadata().getName(), users.size());
            report(context, customer, new Blocked(CustomerReason.Deleting, "Waiting for its " + users.size()
                    + " CustomerUsers (" + users.stream().map(u -> u.getMetadata().getName()).sorted().limit(5).toList()
                    + (users.size() > 5 ? ", ..." : "") + ") to be deleted; delete them with the Customer.", false,
                    null), null);
            return DeleteControl.noFinalizerRemoval().rescheduleAfter(config.polling().inProgress().toMillis());
        }
        if (customer.getSpec().getDeletionPolicy() == DeletionPolicy.Orphan) {
            LOG.infof("Customer %s/%s deleted; the hub's customer is kept (deletionPolicy Orphan)",
                    customer.getMetadata().getNamespace(), customer.getMetadata().getName());
            return DeleteControl.defaultDelete();
        }
        if (Paused.on(customer)) {
            rounds.open(context, customer, CustomerStatus.class).pause(true);
            return DeleteControl.noFinalizerRemoval();
        }
        CustomerDeletion.Outcome outcome = deletion.deleteRemote(customer);
        if (outcome.report() != null) {
            report(context, customer, outcome.report(), outcome.pendingAction());
        }
        DeleteControl control = outcome.control();
        if (control.isRemoveFinalizer()) {
            sync.forget(customer.getMetadata().getUid());
            listings.forget(customer.getMetadata().getUid());
            deletion.forget(customer);
        }
        return control;
    }

    /** A deletion's progress: where it is, and the step a person must take, if any. */
    private void report(Context<Customer> context, Customer customer, Blocked report, String pendingAction) {
        StatusRound<CustomerStatus, Customer> round = rounds.open(context, customer, CustomerStatus.class);
        round.status().setPendingAction(pendingAction);
        round.block(report).write();
    }

    @Override
    public ErrorStatusUpdateControl<Customer> updateErrorStatus(Customer customer, Context<Customer> context,
            Exception e) {
        try (ReconcileLog log = ReconcileLog.open(customer, Optional.of(customer))) {
            return ErrorStatus.of(context, customer, e, CustomerStatus.class, rounds, config.polling().blocked(),
                    (status, pe) -> status.setErrors(StatusSupport.errors(pe)));
        }
    }
}
