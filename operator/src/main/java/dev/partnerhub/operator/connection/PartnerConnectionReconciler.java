package dev.partnerhub.operator.connection;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.PartnerConnection;
import dev.partnerhub.api.v1alpha1.PartnerConnectionStatus;
import dev.partnerhub.operator.OperatorConfig;
import dev.partnerhub.operator.SpecOrMetadataChanged;
import dev.partnerhub.operator.logging.ReconcileLog;
import dev.partnerhub.operator.ownership.CreatedWith;
import dev.partnerhub.operator.ownership.DeletionBudget;
import dev.partnerhub.operator.provider.ConnectionException;
import dev.partnerhub.operator.provider.ProviderRegistry;
import dev.partnerhub.operator.shard.Shard;
import dev.partnerhub.operator.status.CommonReason;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.operator.status.Paused;
import dev.partnerhub.operator.status.StatusRound;
import dev.partnerhub.operator.status.StatusRounds;
import dev.partnerhub.operator.tenancy.Namespaces;
import dev.partnerhub.providers.spi.errors.ProviderException;
import io.fabric8.kubernetes.api.model.Secret;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Cleaner;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.inbound.SimpleInboundEventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Checks that a PartnerConnection can reach its provider (an authenticated probe sets Ready), and keeps it, and the
 * Secret it reads its token from, until no Customer uses it: a connection deleted with its namespace, or by
 * mistake, stays until every Customer's finalizer has done its work in the provider.
 */
@ControllerConfiguration(name = "partnerconnection", generationAwareEventProcessing = false,
        informer = @Informer(onUpdateFilter = SpecOrMetadataChanged.class))
public class PartnerConnectionReconciler implements Reconciler<PartnerConnection>, Cleaner<PartnerConnection> {

    static final String BY_SECRET = "bySecret";
    private static final Logger LOG = Logger.getLogger(PartnerConnectionReconciler.class);

    private final ProviderRegistry registry;
    private final CredentialsHold credentials;
    private final DeletionBudget budget;
    private final ProbeSchedule probes;
    private final ConnectionProbe probe;
    private final CredentialsReport report;
    private final Namespaces namespaces;
    private final Shard shard;
    private final OperatorConfig config;
    private final StatusRounds rounds;

    public PartnerConnectionReconciler(ProviderRegistry registry, CredentialsHold credentials, DeletionBudget budget,
            ProbeSchedule probes, ConnectionProbe probe, CredentialsReport report, Namespaces namespaces, Shard shard,
            OperatorConfig config, StatusRounds rounds) {
        this.registry = registry;
        this.credentials = credentials;
        this.budget = budget;
        this.probes = probes;
        this.probe = probe;
        this.report = report;
        this.namespaces = namespaces;
        this.shard = shard;
        this.config = config;
        this.rounds = rounds;
    }

    @Override
    public List<EventSource<?, PartnerConnection>> prepareEventSources(EventSourceContext<PartnerConnection> context) {
        context.getPrimaryCache().addIndexer(BY_SECRET, c -> List.of(c.getMetadata().getNamespace() + "/"
                + c.getSpec().getCredentialsSecretRef().getName()));
        var customers = new InformerEventSource<>(InformerEventSourceConfiguration
                .from(Customer.class, PartnerConnection.class)
                .withSecondaryToPrimaryMapper(c -> Set.of(CreatedWith.connectionId(c)))
                .build(), context);
        // Only the Secrets the operator holds (and labels): a rotated or deleted token is seen at once.
        var secrets = new InformerEventSource<>(InformerEventSourceConfiguration
                .from(Secret.class, PartnerConnection.class)
                .withLabelSelector(CredentialsHold.LABEL + "=true")
                .withSecondaryToPrimaryMapper(s -> context.getPrimaryCache()
                        .byIndex(BY_SECRET, s.getMetadata().getNamespace() + "/" + s.getMetadata().getName())
                        .stream().map(ResourceID::fromResource).collect(Collectors.toSet()))
                .build(), context);
        // A circuit that opens or closes is shown at once, whoever's call it was.
        var health = new SimpleInboundEventSource<PartnerConnection>("health");
        registry.onHealthChange((namespace, name) -> health.propagateEvent(new ResourceID(name, namespace)));
        return List.of(customers, secrets, health);
    }

    @Override
    public UpdateControl<PartnerConnection> reconcile(PartnerConnection connection, Context<PartnerConnection> context) {
        try (ReconcileLog log = ReconcileLog.open(connection)) {
            return reconcileRound(connection, context);
        }
    }

    private UpdateControl<PartnerConnection> reconcileRound(PartnerConnection connection,
            Context<PartnerConnection> context) {
        if (namespaces.terminating(connection.getMetadata().getNamespace())) {
            return UpdateControl.noUpdate();
        }
        if (!shard.writesConnections()) {
            return follow(connection);
        }
        StatusRound<PartnerConnectionStatus, PartnerConnection> round = rounds.open(context, connection,
                PartnerConnectionStatus.class);
        PartnerConnectionStatus status = round.status();
        // First sight: what its Customers will live in; a later edit of these is refused by the registry.
        status.setCreatedWith(CreatedWith.record(status.getCreatedWith(), CreatedWith.of(connection)));
        status.setEndpoint(registry.endpoint(connection.getSpec()));
        List<Customer> customers = users(connection, context);
        status.setCustomers(customers.size());
        Conditions conditions = round.conditions();
        Optional<Secret> secret = context.getSecondaryResource(Secret.class);
        String secretVersion = secret.map(s -> s.getMetadata().getResourceVersion()).orElse(null);
        Duration next;
        if (Paused.on(connection)) {
            next = probe.paused(connection, conditions);
        } else if (probes.due(connection, secretVersion) || probe.healthChanged(connection)) {
            next = probe.probe(connection, conditions);
            probes.probed(connection, secretVersion);
        } else {
            next = probes.untilDue(connection);
        }
        credentials.keep(connection, status, customers, secret, conditions);
        report.report(connection, status, conditions);
        budget.approveFrom(connection);
        status.setDeletions(budget.status(connection));
        return round.finish(next);
    }

    /**
     * In a replica that does not write connections (another shard does): keeps this replica's provider (token,
     * limits) and deletion approvals up to date, and writes nothing.
     */
    private UpdateControl<PartnerConnection> follow(PartnerConnection connection) {
        try {
            registry.refresh(connection);
        } catch (ConnectionException e) {
            // The replica that writes connections reports it in the connection's status.
            LOG.debugf("PartnerConnection %s/%s: %s", connection.getMetadata().getNamespace(),
                    connection.getMetadata().getName(), e.getMessage());
        }
        budget.approveFrom(connection);
        return UpdateControl.noUpdate();
    }

    /** Released only when no Customer uses the connection; then its Secret is released too. */
    @Override
    public DeleteControl cleanup(PartnerConnection connection, Context<PartnerConnection> context) {
        try (ReconcileLog log = ReconcileLog.open(connection)) {
            return cleanupRound(connection, context);
        }
    }

    private DeleteControl cleanupRound(PartnerConnection connection, Context<PartnerConnection> context) {
        String name = connection.getMetadata().getNamespace() + "/" + connection.getMetadata().getName();
        List<Customer> customers = users(connection, context);
        if (!shard.writesConnections()) {
            // The replica that writes connections lets it go; this one forgets it once no Customer uses it.
            if (customers.isEmpty()) {
                forget(connection);
            }
            return DeleteControl.noFinalizerRemoval();
        }
        if (!customers.isEmpty()) {
            StatusRound<PartnerConnectionStatus, PartnerConnection> round = rounds.open(context, connection,
                    PartnerConnectionStatus.class);
            round.status().setCustomers(customers.size());
            round.conditions().stalled(ConnectionReason.InUse, "Deletion waits until no Customer uses this connection: "
                    + customers.size() + " still do (" + CredentialsHold.names(customers) + "). Delete them (with "
                    + "deletionPolicy Orphan they stay in the provider); their finalizers need this connection and "
                    + "its Secret.");
            round.write();
            LOG.debugf("PartnerConnection %s waits for %d Customers", name, customers.size());
            return DeleteControl.noFinalizerRemoval().rescheduleAfter(config.polling().blocked().toMillis());
        }
        credentials.release(connection, connection.getSpec().getCredentialsSecretRef().getName());
        if (connection.getStatus() != null && connection.getStatus().getCredentialsHeld() != null) {
            credentials.release(connection, connection.getStatus().getCredentialsHeld());
        }
        forget(connection);
        LOG.infof("PartnerConnection %s deleted; no Customer uses it", name);
        return DeleteControl.defaultDelete();
    }

    /** Drops what this replica keeps of a deleted connection: its provider, probe schedule and deletion ledger. */
    private void forget(PartnerConnection connection) {
        registry.forget(connection.getMetadata().getNamespace(), connection.getMetadata().getName());
        probes.forget(connection);
        report.forget(connection);
        budget.forget(connection.getMetadata().getNamespace(), connection.getMetadata().getName());
    }

    /** The Customers that use this connection: those that name it and that it allows. */
    private List<Customer> users(PartnerConnection connection, Context<PartnerConnection> context) {
        return context.getSecondaryResources(Customer.class).stream()
                .filter(c -> namespaces.mayUse(c.getMetadata().getNamespace(), connection))
                .sorted(java.util.Comparator.comparing(c -> c.getMetadata().getNamespace() + "/"
                        + c.getMetadata().getName()))
                .toList();
    }


    @Override
    public ErrorStatusUpdateControl<PartnerConnection> updateErrorStatus(PartnerConnection connection,
            Context<PartnerConnection> context, Exception e) {
        try (ReconcileLog log = ReconcileLog.open(connection)) {
            return errorStatusRound(connection, context, e);
        }
    }

    private ErrorStatusUpdateControl<PartnerConnection> errorStatusRound(PartnerConnection connection,
            Context<PartnerConnection> context, Exception e) {
        if (!shard.writesConnections()) {
            return ErrorStatusUpdateControl.noStatusUpdate();
        }
        StatusRound<PartnerConnectionStatus, PartnerConnection> round = rounds.open(context, connection,
                PartnerConnectionStatus.class);
        String message = e instanceof ProviderException pe ? pe.getMessage() : "Reconcile failed: " + e.getMessage();
        round.conditions().ready(false, CommonReason.ProviderUnavailable, message)
                .synced(false, CommonReason.ProviderUnavailable, message);
        round.write();
        return ErrorStatusUpdateControl.noStatusUpdate();
    }

}
