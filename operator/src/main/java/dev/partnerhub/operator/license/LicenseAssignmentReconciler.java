package dev.partnerhub.operator.license;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.LicenseAssignment;
import dev.partnerhub.api.v1alpha1.LicenseAssignmentStatus;
import dev.partnerhub.api.v1alpha1.LicenseUsers;
import dev.partnerhub.api.v1alpha1.Seats;
import dev.partnerhub.desired.LabelSelectors;
import dev.partnerhub.desired.LicenseSelection;
import dev.partnerhub.operator.OperatorConfig;
import dev.partnerhub.operator.SpecOrMetadataChanged;
import dev.partnerhub.operator.cache.ByCustomer;
import dev.partnerhub.operator.cache.LeanStore;
import dev.partnerhub.operator.logging.ReconcileLog;
import dev.partnerhub.operator.metrics.ResourceGauges;
import dev.partnerhub.operator.ownership.CreatedWith;
import dev.partnerhub.operator.ownership.DeletionBudget;
import dev.partnerhub.operator.provider.LicenseDirectory;
import dev.partnerhub.operator.provider.Resolved;
import dev.partnerhub.operator.provider.Resolver;
import dev.partnerhub.operator.shard.Shard;
import dev.partnerhub.operator.status.CommonReason;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.operator.status.ErrorStatus;
import dev.partnerhub.operator.status.Paused;
import dev.partnerhub.operator.status.StatusRound;
import dev.partnerhub.operator.status.StatusRounds;
import dev.partnerhub.operator.tenancy.Namespaces;
import dev.partnerhub.providers.spi.model.Feature;
import dev.partnerhub.providers.spi.model.RemoteLicense;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.config.informer.Informer;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import io.quarkiverse.operatorsdk.runtime.api.ConfigurableReconciler;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reports one LicenseAssignment: its licence, seats, and how many of its users hold it, from what each
 * user's own reconciler (which applies the licences, one request per user) recorded. Changes of the selected
 * users (a label, a new user, a refusal) and of the customer reach it through informers.
 */
@ControllerConfiguration(name = "licenseassignment", generationAwareEventProcessing = false,
        informer = @Informer(onUpdateFilter = SpecOrMetadataChanged.class))
public class LicenseAssignmentReconciler implements ConfigurableReconciler<LicenseAssignment> {


    private final Resolver resolver;
    private final LicenseDirectory directory;
    private final Namespaces namespaces;
    private final Shard shard;
    private final OperatorConfig config;
    private final StatusRounds rounds;
    private final ResourceGauges gauges;
    private volatile InformerEventSource<CustomerUser, LicenseAssignment> users;
    /**
     * Every assignment, as the sibling informer has seen it. Its events are what tell an assignment that another one
     * appeared or changed, so the reconcile reads this informer's cache: the controller's own informer of the same
     * kind may not have seen that other assignment yet, and the event, once consumed, does not come again.
     */
    private volatile InformerEventSource<LicenseAssignment, LicenseAssignment> assignments;

    public LicenseAssignmentReconciler(Resolver resolver, LicenseDirectory directory, Namespaces namespaces,
            Shard shard, OperatorConfig config, StatusRounds rounds, ResourceGauges gauges) {
        this.shard = shard;
        this.gauges = gauges;
        this.resolver = resolver;
        this.directory = directory;
        this.namespaces = namespaces;
        this.config = config;
        this.rounds = rounds;
    }

    @Override
    public void updateConfigurationFrom(ControllerConfigurationOverrider<LicenseAssignment> configuration) {
        shard.restrict(configuration);
        LeanStore.lean(configuration);
    }

    @Override
    public List<EventSource<?, LicenseAssignment>> prepareEventSources(EventSourceContext<LicenseAssignment> context) {
        ByCustomer<LicenseAssignment> byCustomer = ByCustomer.index(context, CreatedWith::customerName);
        gauges.watchAssignments(context.getPrimaryCache());
        users = new InformerEventSource<>(shard.restrict(LeanStore.lean(InformerEventSourceConfiguration.from(CustomerUser.class,
                        LicenseAssignment.class)))
                .withSecondaryToPrimaryMapper(u -> byCustomer.resourcesOf(u.getMetadata().getNamespace(),
                        CreatedWith.customerName(u)))
                .build(), context);
        var customers = new InformerEventSource<>(shard.restrict(LeanStore.lean(InformerEventSourceConfiguration.from(
                        Customer.class, LicenseAssignment.class)))
                .withPrimaryToSecondaryMapper(byCustomer::customerOf)
                .withSecondaryToPrimaryMapper(byCustomer::resourcesOfCustomer)
                .build(), context);
        // Another assignment of the customer may now disagree with this one: its spec changes reach this one too.
        assignments = new InformerEventSource<>(shard.restrict(LeanStore.lean(InformerEventSourceConfiguration.from(
                        LicenseAssignment.class, LicenseAssignment.class)))
                .withName("sibling-assignments")
                .withOnUpdateFilter((newer, older) -> !Objects.equals(newer.getMetadata().getGeneration(),
                        older.getMetadata().getGeneration()))
                .withSecondaryToPrimaryMapper(a -> byCustomer.resourcesOf(a.getMetadata().getNamespace(),
                        CreatedWith.customerName(a)))
                .build(), context);
        return List.of(users, customers, assignments);
    }

    @Override
    public UpdateControl<LicenseAssignment> reconcile(LicenseAssignment assignment, Context<LicenseAssignment> context) {
        try (ReconcileLog log = ReconcileLog.open(assignment, context.getSecondaryResource(Customer.class))) {
            return reconcileRound(assignment, context);
        }
    }

    private UpdateControl<LicenseAssignment> reconcileRound(LicenseAssignment assignment,
            Context<LicenseAssignment> context) {
        if (namespaces.terminating(assignment.getMetadata().getNamespace())) {
            return UpdateControl.noUpdate();
        }
        StatusRound<LicenseAssignmentStatus, LicenseAssignment> round = rounds.open(context, assignment,
                LicenseAssignmentStatus.class);
        if (Paused.on(assignment)) {
            return round.finishPaused();
        }
        LicenseAssignmentStatus status = round.status();
        Conditions conditions = round.conditions();
        Duration next = CreatedWith.refuseChanges(status, CreatedWith.of(assignment), "LicenseAssignment", conditions)
                ? null : converge(assignment, context.getSecondaryResource(Customer.class), status, conditions);
        return round.finish(next);
    }

    private Duration converge(LicenseAssignment assignment, Optional<Customer> customer, LicenseAssignmentStatus status,
            Conditions conditions) {
        String customerName = CreatedWith.customerName(assignment);
        LicenseUsers selection = assignment.getSpec().getUsers();
        if (selection == null || (selection.getNames() == null || selection.getNames().isEmpty())
                && selection.getSelector() == null) {
            String message = "spec.users: name the users, or select them with a label selector ({} selects every "
                    + "CustomerUser of the customer).";
            conditions.stall(CommonReason.InvalidSpec, message);
            return null;
        }
        List<String> selectorProblems = LabelSelectors.problems(selection.getSelector(), "spec.users.selector");
        if (!selectorProblems.isEmpty()) {
            String message = String.join(" ", selectorProblems);
            conditions.stall(CommonReason.InvalidSpec, message);
            return null;
        }
        if (customer.isEmpty()) {
            String message = shard.customerElsewhere(assignment.getMetadata().getNamespace(), customerName).orElse(
                    "spec.customerRef.name: Customer " + customerName + " does not exist in this namespace.");
            conditions.stall(CommonReason.CustomerNotFound, message);
            return null;
        }
        Resolved resolved = resolver.resolve(customer.get());
        if (resolved.isReady() && !resolved.capabilities().has(Feature.LICENSES)) {
            String message = "spec.license: a " + resolved.capabilities().name() + " connection has no licences to "
                    + "assign; remove this LicenseAssignment.";
            conditions.stall(CommonReason.UnsupportedByProvider, message);
            return null;
        }
        String orgId = resolved.orgId();
        if (Conditions.isTrue(customer.get().getStatus(), Conditions.READY) && orgId == null && resolved.isReady()) {
            // A BroadWorks enterprise gets its org with its first user's activation, which a person does.
            conditions.awaitingPerson(AssignmentReason.AwaitingOrg, "Customer " + customerName
                    + " has no org in the hub yet: the hub "
                    + "makes it when the customer's first user activates their account; licences are assigned then.");
            return config.polling().pending();
        }
        if (!Conditions.isTrue(customer.get().getStatus(), Conditions.READY) || orgId == null || !resolved.isReady()) {
            conditions.ready(false, CommonReason.CustomerNotReady, "Customer " + customerName
                    + " has no org in the hub yet; licences are assigned once it has.").notStalled();
            return null;
        }
        List<RemoteLicense> catalog = directory.licenses(resolved.connection(), resolved.provider(), orgId);
        Optional<RemoteLicense> license = LicenseSelection.resolve(assignment.getSpec().getLicense(), catalog);
        if (license.isEmpty()) {
            String message = "spec.license: no licence " + assignment.getSpec().getLicense() + " in the org of Customer "
                    + customerName + "; use one of " + catalog.stream().map(RemoteLicense::name)
                    .collect(Collectors.toCollection(TreeSet::new)) + " (or its ID).";
            conditions.stall(AssignmentReason.LicenseNotFound, message);
            return config.polling().resync();
        }
        status.setLicenseId(license.get().id());
        status.setSeats(seats(license.get()));
        List<CustomerUser> namespaceUsers = users == null ? List.of()
                : users.list(assignment.getMetadata().getNamespace()).toList();
        status.setConflicts(LicenseConflicts.of(assignment, license.get().id(), assignments == null ? List.of()
                : assignments.list(assignment.getMetadata().getNamespace()).toList(), namespaceUsers,
                a -> LicenseSelection.resolve(a.getSpec().getLicense(), catalog).map(RemoteLicense::id)));
        int awaitingPerson = AssignmentTally.count(assignment, license.get().id(), namespaceUsers, status);
        conditions.synced(true, CommonReason.Observed, "Observed the licence's seats and the users' licences.")
                .notStalled();
        if (status.getFailed() > 0) {
            // Seats to buy, a package or a selection to change: a person must act before these users get it.
            conditions.stall(AssignmentReason.Refused, status.getFailed()
                    + " of the selected users did not get the licence; see status.failures.");
        } else if (status.getPending() > 0 && awaitingPerson == status.getPending()) {
            conditions.awaitingPerson(AssignmentReason.AwaitingUsers, awaitingPerson
                    + " selected users get the licence once they "
                    + "have activated their accounts: see their status.activation.pendingAction.");
        } else if (status.getPending() > 0) {
            conditions.ready(false, AssignmentReason.Pending, status.getPending()
                    + " selected users wait to be provisioned.");
        } else if (status.getRemovalsHeld() > 0) {
            conditions.stall(CommonReason.DeletionHeld, status.getRemovalsHeld() + " users outside this Exclusive "
                    + "assignment keep the licence: the connection's deletion allowance for the hour is spent. Annotate "
                    + "the PartnerConnection with " + DeletionBudget.APPROVE_DELETIONS
                    + "=<new token> to release them.");
        } else if (!status.getConflicts().isEmpty()) {
            // Safe (a licence another assignment gives stays), but two manifests disagree: said where it is seen.
            conditions.ready(true, AssignmentReason.AssignedWithConflicts,
                    "Every selected user holds the licence; another "
                    + "assignment of the customer disagrees about some users, who keep the licence: see "
                    + "status.conflicts.");
        } else {
            conditions.ready(true, AssignmentReason.Assigned, "Every selected user holds the licence.");
        }
        return status.getFailed() + status.getPending() + status.getRemovalsHeld() > 0 ? config.polling().pending()
                : config.polling().resync();
    }

    private static Seats seats(RemoteLicense license) {
        Seats seats = new Seats();
        seats.setTotal(license.totalUnits());
        seats.setConsumed(license.consumedUnits());
        seats.setAvailable(license.availableUnits());
        return seats;
    }

    @Override
    public ErrorStatusUpdateControl<LicenseAssignment> updateErrorStatus(LicenseAssignment assignment,
            Context<LicenseAssignment> context, Exception e) {
        try (ReconcileLog log = ReconcileLog.open(assignment, context.getSecondaryResource(Customer.class))) {
            return ErrorStatus.of(context, assignment, e, LicenseAssignmentStatus.class, rounds,
                    config.polling().blocked(), (status, pe) -> { });
        }
    }
}
