package dev.partnerhub.operator.customer;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerStatus;
import dev.partnerhub.desired.CustomerDesiredState;
import dev.partnerhub.operator.OperatorConfig;
import dev.partnerhub.operator.ownership.CreatedWith;
import dev.partnerhub.operator.ownership.DeletionBudget;
import dev.partnerhub.operator.ownership.ReleaseAdvice;
import dev.partnerhub.operator.provider.Resolved;
import dev.partnerhub.operator.provider.Resolver;
import dev.partnerhub.operator.status.StatusSupport;
import dev.partnerhub.operator.tenancy.Namespaces;
import dev.partnerhub.providers.spi.CustomerModel;
import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.providers.spi.ProviderRejectedException;
import dev.partnerhub.providers.spi.RemoteCustomer;
import dev.partnerhub.providers.spi.RemoteUser;
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

    private final Resolver resolver;
    private final DeletionBudget budget;
    private final Namespaces namespaces;
    private final OperatorConfig config;

    public CustomerDeletion(Resolver resolver, DeletionBudget budget, Namespaces namespaces,
            OperatorConfig config) {
        this.resolver = resolver;
        this.budget = budget;
        this.namespaces = namespaces;
        this.config = config;
    }

    /**
     * The finalizer's work for deletionPolicy Delete, in the documented order: the users the provider still holds
     * for the customer first (the declared ones are gone by then), then the customer. Only what the Customer owns: a
     * Customer that never recorded a customer (nor a create of its own) deletes nothing, and a customer that exists
     * on its own (a tenant the partner manages) is never deleted, nor are users no CustomerUser made. Every remote
     * deletion asks the connection's deletion budget; a customer or user already gone counts as deleted.
     */
    DeleteControl deleteRemote(Customer customer, Progress progress) {
        String name = customer.getMetadata().getNamespace() + "/" + customer.getMetadata().getName();
        CustomerStatus status = customer.getStatus();
        if (status == null || status.getCustomerId() == null && status.getCreatePending() == null) {
            LOG.infof("Customer %s deleted; it never created or adopted a customer in the provider", name);
            return DeleteControl.defaultDelete();
        }
        String connectionNamespace = CreatedWith.connectionId(customer).getNamespace().orElseThrow();
        Resolved resolved = resolver.resolve(customer);
        if (!resolved.isReady()) {
            String message = "Cannot remove the customer from the provider: " + resolved.message() + ". "
                    + ReleaseAdvice.of(resolved.reason(), connectionNamespace,
                            namespaces.terminating(connectionNamespace));
            progress.blocked(resolved.reason(), message);
            LOG.warnf("Customer %s: %s", name, message);
            return DeleteControl.noFinalizerRemoval().rescheduleAfter(config.polling().blocked().toMillis());
        }
        Provider provider = resolved.provider();
        CustomerModel.Creation creation = provider.capabilities().customers().creation();
        if (creation == CustomerModel.Creation.EXISTING) {
            LOG.infof("Customer %s deleted; the provider's customer exists on its own and stays", name);
            return DeleteControl.defaultDelete();
        }
        boolean explicit = creation == CustomerModel.Creation.EXPLICIT;
        Optional<RemoteCustomer> remote = own(customer, provider, status);
        if (remote.isPresent() || !explicit) {
            var remaining = explicit ? provider.users().list(new dev.partnerhub.providers.spi.CustomerScope(
                    remote.get().id()), null) : resolved.scope() == null ? List.<RemoteUser>of()
                    : provider.users().list(resolved.scope(), null);
            if (!remaining.isEmpty()) {
                return removeUsers(customer, resolved, remaining, progress);
            }
        }
        if (!explicit || remote.isEmpty()) {
            LOG.infof("Customer %s deleted; it is gone from the hub", name);
            return DeleteControl.defaultDelete();
        }
        if (remote.get().state() != RemoteCustomer.State.DELETING) {
            if (!budget.allow(connectionNamespace, CreatedWith.connectionId(customer).getName(),
                    customer.getMetadata().getUid() + "/customer", "Customer " + name + " (customer "
                            + remote.get().key() + ")")) {
                progress.blocked("DeletionHeld", held(resolved.connection(), "Deleting the customer"));
                return DeleteControl.noFinalizerRemoval().rescheduleAfter(config.polling().blocked().toMillis());
            }
            progress.step("Deleting the customer in the hub.");
            try {
                provider.customers().delete(remote.get().id());
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
    private static Optional<RemoteCustomer> own(Customer customer, Provider provider, CustomerStatus status) {
        String key = CustomerDesiredState.key(customer.getSpec(), provider.capabilities());
        if (provider.capabilities().customers().creation() != CustomerModel.Creation.EXPLICIT) {
            return key == null ? Optional.empty() : provider.customers().find(key);
        }
        if (status.getCustomerId() != null) {
            return provider.customers().get(status.getCustomerId());
        }
        String pendingKey = status.getCreatePending().getKey();
        return provider.customers().find(key).filter(c -> pendingKey.equals(c.key()));
    }

    /** Removes the users the customer still holds, as far as the deletion budget allows. */
    private DeleteControl removeUsers(Customer customer, Resolved resolved, List<RemoteUser> remaining,
            Progress progress) {
        String name = customer.getMetadata().getNamespace() + "/" + customer.getMetadata().getName();
        var connection = CreatedWith.connectionId(customer);
        var scope = resolved.scope() != null ? resolved.scope()
                : new dev.partnerhub.providers.spi.CustomerScope(customer.getStatus().getCustomerId());
        int held = 0;
        for (RemoteUser user : remaining) {
            String what = "Customer " + name + " (its remaining user " + user.key() + ")";
            if (budget.allow(connection.getNamespace().orElseThrow(), connection.getName(),
                    customer.getMetadata().getUid() + "/subscriber/" + user.id(), what)) {
                resolved.provider().users().delete(scope, user.id());
            } else {
                held++;
            }
        }
        LOG.infof("Customer %s: removed %d remaining users from the hub, %d held", name, remaining.size() - held,
                held);
        if (held > 0) {
            progress.blocked("DeletionHeld", held(resolved.connection(), "Removing " + held + " of the "
                    + remaining.size() + " users the hub still holds for this customer"));
            return DeleteControl.noFinalizerRemoval().rescheduleAfter(config.polling().blocked().toMillis());
        }
        progress.step("Removing the " + remaining.size() + " users and pending users the hub still holds for "
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
