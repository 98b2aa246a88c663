package dev.partnerhub.operator.user;

import dev.partnerhub.api.v1alpha1.ActivationState;
import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.CustomerUserStatus;
import dev.partnerhub.api.v1alpha1.DeletionPolicy;
import dev.partnerhub.operator.OperatorConfig;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.operator.status.ErrorStatus;
import dev.partnerhub.operator.status.StatusSupport;
import dev.partnerhub.operator.status.StatusWrite;
import dev.partnerhub.provider.ProviderRejectedException;
import dev.partnerhub.provider.RemoteSubscriber;
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
import io.javaoperatorsdk.operator.processing.event.source.informer.InformerEventSource;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Converges one user: resolve its Customer, validate the spec, find the subscriber in the customer's
 * snapshot (by ID, else by key) before creating it, change its package, and report the activation state.
 * Pending states wait for a person: they are reported and polled slowly, never retried or recreated.
 */
@ControllerConfiguration(name = "customeruser")
public class CustomerUserReconciler implements Reconciler<CustomerUser>, Cleaner<CustomerUser> {

    static final String BY_CUSTOMER = "byCustomer";
    private static final Logger LOG = Logger.getLogger(CustomerUserReconciler.class);

    private final UserSync sync;
    private final OperatorConfig config;
    private final Clock clock;

    public CustomerUserReconciler(UserSync sync, OperatorConfig config, Clock clock) {
        this.sync = sync;
        this.config = config;
        this.clock = clock;
    }

    @Override
    public List<EventSource<?, CustomerUser>> prepareEventSources(EventSourceContext<CustomerUser> context) {
        context.getPrimaryCache().addIndexer(BY_CUSTOMER, u -> List.of(u.getMetadata().getNamespace() + "/"
                + u.getSpec().getCustomerRef().getName()));
        var customers = new InformerEventSource<>(InformerEventSourceConfiguration
                .from(Customer.class, CustomerUser.class)
                .withPrimaryToSecondaryMapper((CustomerUser u) -> Set.of(new ResourceID(
                        u.getSpec().getCustomerRef().getName(), u.getMetadata().getNamespace())))
                .withSecondaryToPrimaryMapper(c -> context.getPrimaryCache()
                        .byIndex(BY_CUSTOMER, c.getMetadata().getNamespace() + "/" + c.getMetadata().getName())
                        .stream().map(ResourceID::fromResource).collect(Collectors.toSet()))
                .build(), context);
        return List.of(customers);
    }

    @Override
    public UpdateControl<CustomerUser> reconcile(CustomerUser user, Context<CustomerUser> context) {
        CustomerUserStatus previous = user.getStatus();
        CustomerUserStatus status = copy(previous);
        Conditions conditions = Conditions.builder();
        Duration next = converge(user, context.getSecondaryResource(Customer.class), status, conditions);
        conditions.applyTo(status, user.getMetadata().getGeneration(), clock);
        return StatusWrite.finish(user, previous, status, next);
    }

    private Duration converge(CustomerUser user, Optional<Customer> customer, CustomerUserStatus status,
            Conditions conditions) {
        String blocker = sync.blocker(user, customer);
        if (blocker != null) {
            String reason = customer.isEmpty() ? "CustomerNotFound" : "CustomerNotReady";
            conditions.ready(false, reason, blocker).stalled(reason, blocker);
            return customer.isEmpty() ? null : config.polling().blocked();
        }
        UserSync.Target target = sync.target(customer.get());
        if (target == null) {
            String message = "The PartnerConnection of Customer " + customer.get().getMetadata().getName()
                    + " is missing or has no usable credentials; see the Customer's status.";
            conditions.ready(false, "CustomerNotReady", message).stalled("CustomerNotReady", message);
            return config.polling().blocked();
        }
        List<String> problems = UserDesiredState.problems(user.getSpec(), customer.get(), target.provider());
        if (!problems.isEmpty()) {
            String message = String.join(" ", problems);
            conditions.ready(false, "InvalidSpec", message).stalled("InvalidSpec", message);
            return null;
        }
        RemoteSubscriber remote;
        try {
            remote = sync.apply(user, customer.get(), target);
        } catch (ProviderRejectedException e) {
            String message = "The hub refused the user (HTTP " + e.httpStatus() + "): "
                    + StatusSupport.firstDescription(e);
            status.setErrors(StatusSupport.errors(e));
            conditions.ready(false, "ProviderRejected", message).synced(false, "ProviderRejected", message)
                    .stalled("ProviderRejected", message);
            return null;
        }
        UserActivation.apply(status, remote, conditions, clock.instant());
        return pollInterval(status.getActivation().getState());
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
        if (user.getSpec().getDeletionPolicy() == DeletionPolicy.Orphan) {
            LOG.infof("CustomerUser %s deleted; its subscriber is kept in the hub (deletionPolicy Orphan)", name);
            return DeleteControl.defaultDelete();
        }
        return sync.delete(user, context.getSecondaryResource(Customer.class))
                ? DeleteControl.defaultDelete()
                : DeleteControl.noFinalizerRemoval().rescheduleAfter(config.polling().blocked().toMillis());
    }

    @Override
    public ErrorStatusUpdateControl<CustomerUser> updateErrorStatus(CustomerUser user, Context<CustomerUser> context,
            Exception e) {
        return ErrorStatus.of(user, e, CustomerUserReconciler::copy, clock, config.polling().blocked(),
                (status, pe) -> status.setErrors(StatusSupport.errors(pe)));
    }

    static CustomerUserStatus copy(CustomerUserStatus status) {
        return status == null ? new CustomerUserStatus() : StatusSupport.copy(status, CustomerUserStatus.class);
    }
}
