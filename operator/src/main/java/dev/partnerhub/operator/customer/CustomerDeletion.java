package dev.partnerhub.operator.customer;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerStatus;
import dev.partnerhub.operator.OperatorConfig;
import dev.partnerhub.operator.ownership.ReleaseAdvice;
import dev.partnerhub.operator.provider.ProviderRegistry;
import dev.partnerhub.operator.provider.Resolved;
import dev.partnerhub.operator.status.StatusSupport;
import dev.partnerhub.operator.tenancy.Namespaces;
import dev.partnerhub.provider.CustomerScope;
import dev.partnerhub.provider.ProviderRejectedException;
import dev.partnerhub.provider.ProvisioningProvider;
import dev.partnerhub.provider.ProvisioningProvider.CustomerCreation;
import dev.partnerhub.provider.RemoteCustomer;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/** The Customer finalizer's provider side: the documented order of a detach and delete. */
@ApplicationScoped
public class CustomerDeletion {

    private static final Logger LOG = Logger.getLogger(CustomerDeletion.class);

    /** How the finalizer reports in status: a step under way, or what a person must do before it can go on. */
    public interface Progress {
        void step(String message);

        void blocked(String reason, String message);
    }

    private final ProviderRegistry registry;
    private final Namespaces namespaces;
    private final OperatorConfig config;

    public CustomerDeletion(ProviderRegistry registry, Namespaces namespaces, OperatorConfig config) {
        this.registry = registry;
        this.namespaces = namespaces;
        this.config = config;
    }

    /**
     * The finalizer's work for deletionPolicy Delete, in the documented order: the subscribers and pending users
     * the hub still holds for the customer first (the declared ones are gone by then), then the customer. A
     * customer or subscriber already gone counts as deleted.
     */
    DeleteControl deleteRemote(Customer customer, Progress progress) {
        String name = customer.getMetadata().getNamespace() + "/" + customer.getMetadata().getName();
        CustomerStatus status = customer.getStatus();
        ResourceID connection = CustomerReconciler.connectionId(customer);
        String connectionNamespace = connection.getNamespace().orElseThrow();
        Resolved resolved = registry.resolve(connectionNamespace, connection.getName());
        if (!resolved.isReady()) {
            if (status == null || status.getCustomerId() == null && status.getOrgId() == null) {
                return DeleteControl.defaultDelete();
            }
            String message = "Cannot remove the customer from the provider: " + resolved.message() + ". "
                    + ReleaseAdvice.of(resolved.reason(), connectionNamespace,
                            namespaces.terminating(connectionNamespace));
            progress.blocked(resolved.reason(), message);
            LOG.warnf("Customer %s: %s", name, message);
            return DeleteControl.noFinalizerRemoval().rescheduleAfter(config.polling().blocked().toMillis());
        }
        ProvisioningProvider provider = resolved.provider();
        Optional<RemoteCustomer> remote = status != null && status.getCustomerId() != null
                ? provider.getCustomer(status.getCustomerId())
                : provider.findCustomer(CustomerDesiredState.request(customer.getSpec()));
        String spEnterpriseId = CustomerDesiredState.spEnterpriseId(customer.getSpec());
        if (remote.isPresent() || spEnterpriseId != null) {
            var remaining = provider.listSubscribers(new CustomerScope(remote.map(RemoteCustomer::id).orElse(null),
                    spEnterpriseId), null);
            if (!remaining.isEmpty()) {
                progress.step("Removing the " + remaining.size() + " subscribers and pending users the hub still "
                        + "holds for this customer, then the customer.");
                remaining.forEach(sub -> provider.deleteSubscriber(sub.id()));
                LOG.infof("Customer %s: removed %d remaining subscribers from the hub", name, remaining.size());
                return DeleteControl.noFinalizerRemoval().rescheduleAfter(config.polling().inProgress().toMillis());
            }
        }
        if (provider.customerCreation() != CustomerCreation.EXPLICIT || remote.isEmpty()) {
            LOG.infof("Customer %s deleted; it is gone from the hub", name);
            return DeleteControl.defaultDelete();
        }
        if (remote.get().state() != RemoteCustomer.State.DELETING) {
            progress.step("Deleting the customer in the hub.");
            try {
                provider.deleteCustomer(remote.get().id());
            } catch (ProviderRejectedException e) {
                String message = "The hub refuses to delete the customer: " + StatusSupport.firstDescription(e)
                        + " Remove what it names, or set spec.deletionPolicy to Orphan to keep the customer.";
                progress.blocked("DeletionRefused", message);
                LOG.warnf("Customer %s: %s", name, message);
                return DeleteControl.noFinalizerRemoval().rescheduleAfter(config.polling().blocked().toMillis());
            }
            LOG.infof("Customer %s: deleting %s in the hub", name, remote.get().id());
        }
        return DeleteControl.noFinalizerRemoval().rescheduleAfter(config.polling().inProgress().toMillis());
    }
}
