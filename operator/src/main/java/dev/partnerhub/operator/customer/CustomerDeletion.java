package dev.partnerhub.operator.customer;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerStatus;
import dev.partnerhub.operator.OperatorConfig;
import dev.partnerhub.operator.ownership.CreatedWith;
import dev.partnerhub.operator.ownership.DeletionBudget;
import dev.partnerhub.operator.ownership.ReleaseAdvice;
import dev.partnerhub.operator.provider.ProviderRegistry;
import dev.partnerhub.operator.provider.Resolved;
import dev.partnerhub.operator.status.StatusSupport;
import dev.partnerhub.operator.tenancy.Namespaces;
import dev.partnerhub.providers.spi.CustomerScope;
import dev.partnerhub.providers.spi.ProviderRejectedException;
import dev.partnerhub.providers.spi.ProvisioningProvider;
import dev.partnerhub.providers.spi.ProvisioningProvider.CustomerCreation;
import dev.partnerhub.providers.spi.RemoteCustomer;
import dev.partnerhub.providers.spi.RemoteSubscriber;
import io.javaoperatorsdk.operator.api.reconciler.DeleteControl;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
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
    private final DeletionBudget budget;
    private final Namespaces namespaces;
    private final OperatorConfig config;

    public CustomerDeletion(ProviderRegistry registry, DeletionBudget budget, Namespaces namespaces,
            OperatorConfig config) {
        this.registry = registry;
        this.budget = budget;
        this.namespaces = namespaces;
        this.config = config;
    }

    /**
     * The finalizer's work for deletionPolicy Delete, in the documented order: the subscribers and pending users
     * the hub still holds for the customer first (the declared ones are gone by then), then the customer. Only what
     * the Customer owns: a Customer that never recorded a customer (nor a create of its own) deletes nothing. Every
     * remote deletion asks the connection's deletion budget; a customer or subscriber already gone counts as deleted.
     */
    DeleteControl deleteRemote(Customer customer, Progress progress) {
        String name = customer.getMetadata().getNamespace() + "/" + customer.getMetadata().getName();
        CustomerStatus status = customer.getStatus();
        if (status == null || status.getCustomerId() == null && status.getCreatePending() == null) {
            LOG.infof("Customer %s deleted; it never created or adopted a customer in the provider", name);
            return DeleteControl.defaultDelete();
        }
        String connectionNamespace = CreatedWith.connectionId(customer).getNamespace().orElseThrow();
        Resolved resolved = registry.resolve(customer);
        if (!resolved.isReady()) {
            String message = "Cannot remove the customer from the provider: " + resolved.message() + ". "
                    + ReleaseAdvice.of(resolved.reason(), connectionNamespace,
                            namespaces.terminating(connectionNamespace));
            progress.blocked(resolved.reason(), message);
            LOG.warnf("Customer %s: %s", name, message);
            return DeleteControl.noFinalizerRemoval().rescheduleAfter(config.polling().blocked().toMillis());
        }
        ProvisioningProvider provider = resolved.provider();
        boolean explicit = provider.customerCreation() == CustomerCreation.EXPLICIT;
        Optional<RemoteCustomer> remote = own(customer, provider, status);
        String spEnterpriseId = CustomerDesiredState.spEnterpriseId(customer.getSpec());
        if (remote.isPresent() || !explicit) {
            var remaining = provider.listSubscribers(new CustomerScope(remote.map(RemoteCustomer::id).orElse(null),
                    spEnterpriseId), null);
            if (!remaining.isEmpty()) {
                return removeSubscribers(customer, resolved, remaining, progress);
            }
        }
        if (!explicit || remote.isEmpty()) {
            LOG.infof("Customer %s deleted; it is gone from the hub", name);
            return DeleteControl.defaultDelete();
        }
        if (remote.get().state() != RemoteCustomer.State.DELETING) {
            if (!budget.allow(connectionNamespace, CreatedWith.connectionId(customer).getName(),
                    customer.getMetadata().getUid() + "/customer", "Customer " + name + " (customer "
                            + remote.get().externalId() + ")")) {
                progress.blocked("DeletionHeld", held(resolved.connection(), "Deleting the customer"));
                return DeleteControl.noFinalizerRemoval().rescheduleAfter(config.polling().blocked().toMillis());
            }
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

    /** The customer this Customer owns: the one it recorded, else its own create found under its key. */
    private static Optional<RemoteCustomer> own(Customer customer, ProvisioningProvider provider,
            CustomerStatus status) {
        if (provider.customerCreation() != CustomerCreation.EXPLICIT) {
            return provider.findCustomer(CustomerDesiredState.request(customer.getSpec()));
        }
        if (status.getCustomerId() != null) {
            return provider.getCustomer(status.getCustomerId());
        }
        String pendingKey = status.getCreatePending().getKey();
        return provider.findCustomer(CustomerDesiredState.request(customer.getSpec()))
                .filter(c -> pendingKey.equals(c.externalId()));
    }

    /** Removes the subscribers the customer still holds, as far as the deletion budget allows. */
    private DeleteControl removeSubscribers(Customer customer, Resolved resolved, List<RemoteSubscriber> remaining,
            Progress progress) {
        String name = customer.getMetadata().getNamespace() + "/" + customer.getMetadata().getName();
        var connection = CreatedWith.connectionId(customer);
        int held = 0;
        for (RemoteSubscriber subscriber : remaining) {
            String what = "Customer " + name + " (its remaining subscriber " + (subscriber.email() != null
                    ? subscriber.email() : subscriber.userId()) + ")";
            if (budget.allow(connection.getNamespace().orElseThrow(), connection.getName(),
                    customer.getMetadata().getUid() + "/subscriber/" + subscriber.id(), what)) {
                resolved.provider().deleteSubscriber(subscriber.id());
            } else {
                held++;
            }
        }
        LOG.infof("Customer %s: removed %d remaining subscribers from the hub, %d held", name, remaining.size() - held,
                held);
        if (held > 0) {
            progress.blocked("DeletionHeld", held(resolved.connection(), "Removing " + held + " of the "
                    + remaining.size() + " subscribers the hub still holds for this customer"));
            return DeleteControl.noFinalizerRemoval().rescheduleAfter(config.polling().blocked().toMillis());
        }
        progress.step("Removing the " + remaining.size() + " subscribers and pending users the hub still holds for "
                + "this customer, then the customer.");
        return DeleteControl.noFinalizerRemoval().rescheduleAfter(config.polling().inProgress().toMillis());
    }

    private static String held(String connection, String what) {
        return what + " is held: PartnerConnection " + connection + " allows a limited number of remote deletions an "
                + "hour (spec.deletionProtection.maxDeletesPerHour) and they are spent. Annotate the connection with "
                + DeletionBudget.APPROVE_DELETIONS + "=<new token> to release the held deletions, or set "
                + "spec.deletionPolicy to Orphan to keep the customer.";
    }
}
