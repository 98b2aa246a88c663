package dev.partnerhub.operator.user;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.operator.customer.CustomerDesiredState;
import dev.partnerhub.operator.customer.CustomerReconciler;
import dev.partnerhub.operator.ownership.CreatedWith;
import dev.partnerhub.operator.ownership.ReleaseAdvice;
import dev.partnerhub.operator.provider.CredentialsException;
import dev.partnerhub.operator.provider.ProviderRegistry;
import dev.partnerhub.operator.provider.Resolved;
import dev.partnerhub.operator.provider.SubscriberDirectory;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.operator.tenancy.Namespaces;
import dev.partnerhub.provider.CustomerScope;
import dev.partnerhub.provider.LicensingProvider;
import dev.partnerhub.provider.ProvisioningProvider;
import dev.partnerhub.provider.ProvisioningProvider.CustomerCreation;
import dev.partnerhub.provider.RemoteSubscriber;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/** The provider side of the CustomerUser reconciler: find, create, update and delete subscribers. */
@ApplicationScoped
public class UserSync {

    private static final Logger LOG = Logger.getLogger(UserSync.class);

    /** Where a customer's users live: the connection's client and the customer's scope in the provider. */
    public record Target(String connection, ProvisioningProvider provider, LicensingProvider licensing,
            CustomerScope scope) {
    }

    private final ProviderRegistry registry;
    private final SubscriberDirectory directory;
    private final Namespaces namespaces;

    public UserSync(ProviderRegistry registry, SubscriberDirectory directory, Namespaces namespaces) {
        this.registry = registry;
        this.directory = directory;
        this.namespaces = namespaces;
    }

    /** Null when the user's customer can take users; otherwise why not, naming the field. */
    String blocker(CustomerUser user, Optional<Customer> customer) {
        String name = user.getMetadata().getNamespace() + "/" + CreatedWith.customerName(user);
        if (customer.isEmpty()) {
            return "spec.customerRef.name: Customer " + name + " does not exist; create it or fix the name.";
        }
        if (!Conditions.isTrue(customer.get().getStatus(), Conditions.READY)) {
            return "Customer " + name + " is not Ready (" + Conditions.reason(customer.get().getStatus(),
                    Conditions.READY) + "); the user is created once it is.";
        }
        return null;
    }

    /** The provider and scope of a Ready customer, or null when its connection cannot be used. */
    Target target(Customer customer) {
        ResourceID connection = CustomerReconciler.connectionId(customer);
        String namespace = connection.getNamespace().orElseThrow();
        try {
            Optional<ProvisioningProvider> provider = registry.provider(namespace, connection.getName());
            if (provider.isEmpty()) {
                return null;
            }
            String spEnterpriseId = CustomerDesiredState.spEnterpriseId(customer.getSpec());
            CustomerScope scope = new CustomerScope(customer.getStatus().getCustomerId(), spEnterpriseId);
            if (provider.get().customerCreation() == CustomerCreation.EXPLICIT && scope.customerId() == null) {
                return null;
            }
            return new Target(CustomerReconciler.connectionKey(customer), provider.get(),
                    registry.licensing(namespace, connection.getName()).orElseThrow(), scope);
        } catch (CredentialsException e) {
            return null;
        }
    }

    /** Finds the user's subscriber (creating it if absent, updating it if it differs) and returns it. */
    RemoteSubscriber apply(CustomerUser user, Customer customer, Target target) {
        String recordedId = user.getStatus() == null ? null : user.getStatus().getUserId();
        Optional<RemoteSubscriber> remote = UserDesiredState.find(
                directory.subscribers(target.connection(), target.provider(), target.scope()), recordedId,
                user.getSpec());
        var request = UserDesiredState.request(user.getSpec(), customer, target.scope());
        RemoteSubscriber result;
        if (remote.isEmpty()) {
            result = target.provider().createSubscriber(request);
            LOG.infof("CustomerUser %s/%s: created subscriber %s (%s)", user.getMetadata().getNamespace(),
                    user.getMetadata().getName(), result.id(), result.status());
        } else if (UserDesiredState.needsUpdate(user.getSpec(), remote.get())) {
            result = target.provider().updateSubscriber(remote.get().id(), request);
            LOG.infof("CustomerUser %s/%s: package %s -> %s", user.getMetadata().getNamespace(),
                    user.getMetadata().getName(), remote.get().packageName(), user.getSpec().getPackageName());
        } else {
            return remote.get();
        }
        directory.remember(target.connection(), target.scope(), result);
        return result;
    }

    /**
     * Onboards a stuck user again with the address in its spec: the stuck subscriber is removed and created
     * anew, as the partner portal's "Retry Activation" does. Only on a person's explicit request (a token).
     */
    RemoteSubscriber onboardAgain(CustomerUser user, Customer customer, Target target, RemoteSubscriber stuck) {
        target.provider().deleteSubscriber(stuck.id());
        directory.forget(target.connection(), target.scope(), stuck.id());
        RemoteSubscriber created = target.provider().createSubscriber(UserDesiredState.request(user.getSpec(),
                customer, target.scope()));
        directory.remember(target.connection(), target.scope(), created);
        return created;
    }

    /** Why a finalizer cannot go on: a CamelCase reason and a message saying what a person can do. */
    public record Blocker(String reason, String message) {
    }

    /**
     * Removes the user's subscriber. Empty when it is gone (or was never created); otherwise why it cannot be
     * removed now, to try again later.
     */
    Optional<Blocker> delete(CustomerUser user, Optional<Customer> customer) {
        String name = user.getMetadata().getNamespace() + "/" + user.getMetadata().getName();
        String recordedId = user.getStatus() == null ? null : user.getStatus().getUserId();
        Optional<Blocker> blocker = deletionBlocker(user, customer);
        if (blocker.isPresent()) {
            return recordedId == null ? Optional.empty() : blocker;
        }
        Target target = target(customer.orElseThrow());
        if (target == null) {
            // The customer was never created in the provider: neither was the user.
            return Optional.empty();
        }
        Optional<RemoteSubscriber> remote = UserDesiredState.find(
                directory.subscribers(target.connection(), target.provider(), target.scope()), recordedId,
                user.getSpec());
        if (remote.isPresent()) {
            target.provider().deleteSubscriber(remote.get().id());
            directory.forget(target.connection(), target.scope(), remote.get().id());
            LOG.infof("CustomerUser %s deleted; subscriber %s removed from the hub", name, remote.get().id());
        }
        return Optional.empty();
    }

    /** Why the user's provider account cannot be reached now (its Customer, connection or credentials are gone). */
    private Optional<Blocker> deletionBlocker(CustomerUser user, Optional<Customer> customer) {
        String namespace = user.getMetadata().getNamespace();
        if (customer.isEmpty()) {
            return Optional.of(new Blocker("CustomerNotFound", "Cannot remove the subscriber from the provider: its "
                    + "Customer " + namespace + "/" + CreatedWith.customerName(user) + " is gone, so the operator "
                    + "cannot tell which account holds it. " + ReleaseAdvice.of("CustomerNotFound", namespace,
                            namespaces.terminating(namespace))));
        }
        ResourceID connection = CustomerReconciler.connectionId(customer.get());
        String connectionNamespace = connection.getNamespace().orElseThrow();
        Resolved resolved = registry.resolve(connectionNamespace, connection.getName());
        if (resolved.isReady()) {
            return Optional.empty();
        }
        return Optional.of(new Blocker(resolved.reason(), "Cannot remove the subscriber from the provider: "
                + resolved.message() + ". " + ReleaseAdvice.of(resolved.reason(), connectionNamespace,
                        namespaces.terminating(connectionNamespace))));
    }
}
