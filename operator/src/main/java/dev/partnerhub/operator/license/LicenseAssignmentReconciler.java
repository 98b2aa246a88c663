package dev.partnerhub.operator.license;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.LicenseAssignment;
import dev.partnerhub.api.v1alpha1.LicenseAssignmentStatus;
import dev.partnerhub.api.v1alpha1.Seats;
import dev.partnerhub.operator.OperatorConfig;
import dev.partnerhub.operator.ownership.CreatedWith;
import dev.partnerhub.operator.customer.CustomerReconciler;
import dev.partnerhub.operator.provider.CredentialsException;
import dev.partnerhub.operator.provider.LicenseDirectory;
import dev.partnerhub.operator.provider.ProviderRegistry;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.operator.status.ErrorStatus;
import dev.partnerhub.operator.status.StatusSupport;
import dev.partnerhub.operator.status.StatusWrite;
import dev.partnerhub.operator.tenancy.Namespaces;
import dev.partnerhub.provider.LicensingProvider;
import dev.partnerhub.provider.RemoteLicense;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.ControllerConfiguration;
import io.javaoperatorsdk.operator.api.reconciler.ErrorStatusUpdateControl;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.api.reconciler.Reconciler;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.EventSource;
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Reports one LicenseAssignment: its licence, seats, and how many of its users hold it, from what each
 * user's own reconciler (which applies the licences, one request per user) recorded. Changes of the selected
 * users (a label, a new user, a refusal) and of the customer reach it through informers.
 */
@ControllerConfiguration(name = "licenseassignment")
public class LicenseAssignmentReconciler implements Reconciler<LicenseAssignment> {

    static final String BY_CUSTOMER = "byCustomer";

    private final ProviderRegistry registry;
    private final LicenseDirectory directory;
    private final Namespaces namespaces;
    private final OperatorConfig config;
    private final Clock clock;
    private volatile InformerEventSource<CustomerUser, LicenseAssignment> users;

    public LicenseAssignmentReconciler(ProviderRegistry registry, LicenseDirectory directory, Namespaces namespaces,
            OperatorConfig config, Clock clock) {
        this.registry = registry;
        this.directory = directory;
        this.namespaces = namespaces;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public List<EventSource<?, LicenseAssignment>> prepareEventSources(EventSourceContext<LicenseAssignment> context) {
        context.getPrimaryCache().addIndexer(BY_CUSTOMER, a -> List.of(a.getMetadata().getNamespace() + "/"
                + CreatedWith.customerName(a)));
        users = new InformerEventSource<>(InformerEventSourceConfiguration.from(CustomerUser.class, LicenseAssignment.class)
                .withSecondaryToPrimaryMapper(u -> byCustomer(context, u.getMetadata().getNamespace(),
                        CreatedWith.customerName(u)))
                .build(), context);
        var customers = new InformerEventSource<>(InformerEventSourceConfiguration.from(Customer.class,
                        LicenseAssignment.class)
                .withPrimaryToSecondaryMapper((LicenseAssignment a) -> Set.of(new ResourceID(
                        CreatedWith.customerName(a), a.getMetadata().getNamespace())))
                .withSecondaryToPrimaryMapper(c -> byCustomer(context, c.getMetadata().getNamespace(),
                        c.getMetadata().getName()))
                .build(), context);
        return List.of(users, customers);
    }

    @Override
    public UpdateControl<LicenseAssignment> reconcile(LicenseAssignment assignment, Context<LicenseAssignment> context) {
        if (namespaces.terminating(assignment.getMetadata().getNamespace())) {
            return UpdateControl.noUpdate();
        }
        LicenseAssignmentStatus previous = assignment.getStatus();
        LicenseAssignmentStatus status = copy(previous);
        Conditions conditions = Conditions.builder();
        Duration next = CreatedWith.refuseChanges(status, CreatedWith.of(assignment), "LicenseAssignment", conditions)
                ? null : converge(assignment, context.getSecondaryResource(Customer.class), status, conditions);
        conditions.applyTo(status, assignment.getMetadata().getGeneration(), clock);
        return StatusWrite.finish(context, assignment, previous, status, next);
    }

    private Duration converge(LicenseAssignment assignment, Optional<Customer> customer, LicenseAssignmentStatus status,
            Conditions conditions) {
        String customerName = CreatedWith.customerName(assignment);
        if (customer.isEmpty()) {
            String message = "spec.customerRef.name: Customer " + customerName + " does not exist in this namespace.";
            conditions.ready(false, "CustomerNotFound", message).stalled("CustomerNotFound", message);
            return null;
        }
        String orgId = customer.get().getStatus() == null ? null : customer.get().getStatus().getOrgId();
        Optional<LicensingProvider> licensing = licensing(customer.get());
        if (!Conditions.isTrue(customer.get().getStatus(), Conditions.READY) || orgId == null || licensing.isEmpty()) {
            conditions.ready(false, "CustomerNotReady", "Customer " + customerName + " has no org in the hub yet; "
                    + "licences are assigned once it has.").notStalled();
            return null;
        }
        String connection = CustomerReconciler.connectionKey(customer.get());
        List<RemoteLicense> catalog = directory.licenses(connection, licensing.get(), orgId);
        Optional<RemoteLicense> license = LicenseSelection.resolve(assignment.getSpec().getLicense(), catalog);
        if (license.isEmpty()) {
            String message = "spec.license: no licence " + assignment.getSpec().getLicense() + " in the org of Customer "
                    + customerName + "; use one of " + catalog.stream().map(RemoteLicense::name)
                    .collect(Collectors.toCollection(TreeSet::new)) + " (or its ID).";
            conditions.ready(false, "LicenseNotFound", message).stalled("LicenseNotFound", message);
            return config.polling().resync();
        }
        status.setLicenseId(license.get().id());
        status.setSeats(seats(license.get()));
        AssignmentTally.count(assignment, license.get().id(), users == null ? List.of()
                : users.list(assignment.getMetadata().getNamespace()).toList(), status);
        conditions.synced(true, "Observed", "Observed the licence's seats and the users' licences.").notStalled();
        if (status.getFailed() > 0) {
            conditions.ready(false, "Refused", status.getFailed() + " of the selected users did not get the licence; "
                    + "see status.failures.");
        } else if (status.getPending() > 0) {
            conditions.ready(false, "Pending", status.getPending() + " selected users wait to be provisioned.");
        } else {
            conditions.ready(true, "Assigned", "Every selected user holds the licence.");
        }
        return status.getFailed() + status.getPending() > 0 ? config.polling().pending() : config.polling().resync();
    }

    private Optional<LicensingProvider> licensing(Customer customer) {
        ResourceID connection = CustomerReconciler.connectionId(customer);
        try {
            return registry.licensing(connection.getNamespace().orElseThrow(), connection.getName());
        } catch (CredentialsException e) {
            return Optional.empty();
        }
    }

    private static Seats seats(RemoteLicense license) {
        Seats seats = new Seats();
        seats.setTotal(license.totalUnits());
        seats.setConsumed(license.consumedUnits());
        seats.setAvailable(license.availableUnits());
        return seats;
    }

    private static Set<ResourceID> byCustomer(EventSourceContext<LicenseAssignment> context, String namespace,
            String customer) {
        return context.getPrimaryCache().byIndex(BY_CUSTOMER, namespace + "/" + customer).stream()
                .map(ResourceID::fromResource).collect(Collectors.toSet());
    }

    @Override
    public ErrorStatusUpdateControl<LicenseAssignment> updateErrorStatus(LicenseAssignment assignment,
            Context<LicenseAssignment> context, Exception e) {
        return ErrorStatus.of(context, assignment, e, LicenseAssignmentReconciler::copy, clock, config.polling().blocked(),
                (status, pe) -> { });
    }

    static LicenseAssignmentStatus copy(LicenseAssignmentStatus status) {
        return status == null ? new LicenseAssignmentStatus()
                : StatusSupport.copy(status, LicenseAssignmentStatus.class);
    }
}
