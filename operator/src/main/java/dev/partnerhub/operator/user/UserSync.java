package dev.partnerhub.operator.user;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.CustomerUserStatus;
import dev.partnerhub.operator.customer.CustomerDesiredState;
import dev.partnerhub.operator.ownership.CreatedWith;
import dev.partnerhub.operator.provider.ProviderRegistry;
import dev.partnerhub.operator.provider.Resolved;
import dev.partnerhub.operator.provider.SubscriberDirectory;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.provider.CustomerScope;
import dev.partnerhub.provider.LicensingProvider;
import dev.partnerhub.provider.ProvisioningProvider;
import dev.partnerhub.provider.ProvisioningProvider.CustomerCreation;
import dev.partnerhub.provider.RemoteSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/** The provider side of the CustomerUser reconciler: where a user lives, and its subscriber brought to the spec. */
@ApplicationScoped
public class UserSync {

    private static final Logger LOG = Logger.getLogger(UserSync.class);

    /** Where a customer's users live: the connection's client and the customer's scope in the provider. */
    public record Target(String connection, ProvisioningProvider provider, LicensingProvider licensing,
            CustomerScope scope) {
    }

    private final ProviderRegistry registry;
    private final SubscriberDirectory directory;
    private final UserBinding binding;

    public UserSync(ProviderRegistry registry, SubscriberDirectory directory, UserBinding binding) {
        this.registry = registry;
        this.directory = directory;
        this.binding = binding;
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

    /**
     * The provider and scope of a customer: its connection's clients, if the connection exists, allows the
     * customer's namespace and can read its token, and the customer owns its scope (the ID it recorded, or its
     * BroadWorks enterprise). Null otherwise.
     */
    Target target(Customer customer) {
        Resolved resolved = registry.resolve(customer);
        if (!resolved.isReady()) {
            return null;
        }
        String spEnterpriseId = CustomerDesiredState.spEnterpriseId(customer.getSpec());
        String customerId = customer.getStatus() == null ? null : customer.getStatus().getCustomerId();
        CustomerScope scope = new CustomerScope(customerId, spEnterpriseId);
        if (resolved.provider().customerCreation() == CustomerCreation.EXPLICIT && customerId == null) {
            return null;
        }
        return new Target(resolved.connection(), resolved.provider(), resolved.licensing(), scope);
    }

    /**
     * The user's subscriber, bound by {@link UserBinding} and brought to the spec; or, when someone else's
     * subscriber holds the user's key, that one, untouched.
     */
    UserBinding.Bound apply(CustomerUser user, Customer customer, Target target, CustomerUserStatus status,
            Runnable persist) {
        UserBinding.Bound bound = binding.bind(user, customer, target, status, persist);
        if (bound.refused() || !UserDesiredState.needsUpdate(user.getSpec(), bound.subscriber())) {
            return bound;
        }
        RemoteSubscriber updated = target.provider().updateSubscriber(bound.subscriber().id(),
                UserDesiredState.request(user.getSpec(), customer, target.scope()));
        LOG.infof("CustomerUser %s/%s: package %s -> %s", user.getMetadata().getNamespace(),
                user.getMetadata().getName(), bound.subscriber().packageName(), user.getSpec().getPackageName());
        directory.remember(target.connection(), target.scope(), updated);
        return new UserBinding.Bound(updated, bound.how(), null);
    }

    /**
     * Onboards a stuck user again with the address in its spec: the stuck subscriber is removed and created
     * anew, as the partner portal's "Retry Activation" does. Only on a person's explicit request (a token).
     */
    RemoteSubscriber onboardAgain(CustomerUser user, Customer customer, Target target, RemoteSubscriber stuck,
            CustomerUserStatus status, Runnable persist) {
        target.provider().deleteSubscriber(stuck.id());
        directory.forget(target.connection(), target.scope(), stuck.id());
        status.setUserId(null);
        return binding.create(user, customer, target, status, UserDesiredState.key(user.getSpec()), persist);
    }
}
