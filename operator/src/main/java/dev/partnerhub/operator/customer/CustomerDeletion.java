package dev.partnerhub.operator.customer;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerStatus;
import dev.partnerhub.api.v1alpha1.PartnerConnection;
import dev.partnerhub.operator.OperatorConfig;
import dev.partnerhub.operator.provider.CredentialsException;
import dev.partnerhub.operator.provider.ProviderRegistry;
import dev.partnerhub.operator.status.StatusSupport;
import dev.partnerhub.provider.CustomerScope;
import dev.partnerhub.provider.ProviderRejectedException;
import dev.partnerhub.provider.ProvisioningProvider;
import dev.partnerhub.provider.ProvisioningProvider.CustomerCreation;
import dev.partnerhub.provider.RemoteCustomer;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/** The Customer finalizer's provider side: the documented order of a detach and delete. */
@ApplicationScoped
public class CustomerDeletion {

    private static final Logger LOG = Logger.getLogger(CustomerDeletion.class);

    private final ProviderRegistry registry;
    private final OperatorConfig config;

    public CustomerDeletion(ProviderRegistry registry, OperatorConfig config) {
        this.registry = registry;
        this.config = config;
    }

    /**
     * The finalizer's work for deletionPolicy Delete, in the documented order: the subscribers and pending users
     * the hub still holds for the customer first (the declared ones are gone by then), then the customer. A
     * customer or subscriber already gone counts as deleted. {@code progress} reports each step in status.
     */
    DeleteControl deleteRemote(Customer customer, Optional<PartnerConnection> connection,
            java.util.function.Consumer<String> progress) {
        String name = customer.getMetadata().getNamespace() + "/" + customer.getMetadata().getName();
        CustomerStatus status = customer.getStatus();
        if (connection.isEmpty()) {
            if (status == null || status.getCustomerId() == null) {
                return DeleteControl.defaultDelete();
            }
            LOG.warnf("Customer %s cannot be deleted from the hub: its PartnerConnection is gone. Restore the "
                    + "connection, or set spec.deletionPolicy to Orphan to release it.", name);
            return DeleteControl.noFinalizerRemoval().rescheduleAfter(config.polling().blocked().toMillis());
        }
        ProvisioningProvider provider;
        try {
            provider = registry.provider(connection.get());
        } catch (CredentialsException e) {
            LOG.warnf("Customer %s cannot be deleted from the hub yet: %s", name, e.getMessage());
            return DeleteControl.noFinalizerRemoval().rescheduleAfter(config.polling().blocked().toMillis());
        }
        Optional<RemoteCustomer> remote = status != null && status.getCustomerId() != null
                ? provider.getCustomer(status.getCustomerId())
                : provider.findCustomer(CustomerDesiredState.request(customer.getSpec()));
        String spEnterpriseId = CustomerDesiredState.spEnterpriseId(customer.getSpec());
        if (remote.isPresent() || spEnterpriseId != null) {
            var remaining = provider.listSubscribers(new CustomerScope(remote.map(RemoteCustomer::id).orElse(null),
                    spEnterpriseId), null);
            if (!remaining.isEmpty()) {
                progress.accept("Removing the " + remaining.size() + " subscribers and pending users the hub still "
                        + "holds for this customer, then the customer.");
                remaining.forEach(sub -> provider.deleteSubscriber(sub.id()));
                LOG.infof("Customer %s: removed %d remaining subscribers from the hub", name, remaining.size());
                return DeleteControl.noFinalizerRemoval().rescheduleAfter(config.polling().inProgress().toMillis());
            }
        }
        if (provider.customerCreation() != CustomerCreation.EXPLICIT) {
            return DeleteControl.defaultDelete();
        }
        if (remote.isEmpty()) {
            LOG.infof("Customer %s deleted; it is gone from the hub", name);
            return DeleteControl.defaultDelete();
        }
        if (remote.get().state() != RemoteCustomer.State.DELETING) {
            progress.accept("Deleting the customer in the hub.");
            try {
                provider.deleteCustomer(remote.get().id());
            } catch (ProviderRejectedException e) {
                LOG.warnf("Customer %s: the hub refuses to delete it: %s Remove what the hub names, or set "
                        + "spec.deletionPolicy to Orphan to keep the customer.", name, StatusSupport.firstDescription(e));
                return DeleteControl.noFinalizerRemoval().rescheduleAfter(config.polling().blocked().toMillis());
            }
            LOG.infof("Customer %s: deleting %s in the hub", name, remote.get().id());
        }
        return DeleteControl.noFinalizerRemoval().rescheduleAfter(config.polling().inProgress().toMillis());
    }
}
