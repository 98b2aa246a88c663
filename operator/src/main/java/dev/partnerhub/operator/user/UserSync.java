package dev.partnerhub.operator.user;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.CustomerUserStatus;
import dev.partnerhub.desired.UserDesiredState;
import dev.partnerhub.desired.UserFields;
import dev.partnerhub.operator.ownership.CreatedWith;
import dev.partnerhub.operator.provider.LicenseDirectory;
import dev.partnerhub.operator.provider.Resolved;
import dev.partnerhub.operator.provider.Resolver;
import dev.partnerhub.operator.provider.UserDirectory;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.operator.status.Reasons;
import dev.partnerhub.providers.spi.RemoteUser;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/** The provider side of the CustomerUser reconciler: where a user lives, and its subscriber brought to the spec. */
@ApplicationScoped
public class UserSync {

    private static final Logger LOG = Logger.getLogger(UserSync.class);

    private final Resolver resolver;
    private final UserDirectory directory;
    private final UserBinding binding;
    private final PersonSync people;
    private final LicenseDirectory licenses;

    public UserSync(Resolver resolver, UserDirectory directory, UserBinding binding, PersonSync people,
            LicenseDirectory licenses) {
        this.resolver = resolver;
        this.directory = directory;
        this.binding = binding;
        this.people = people;
        this.licenses = licenses;
    }

    /** Null when the user's customer can take users; otherwise why not, naming the field. */
    String blocker(CustomerUser user, Optional<Customer> customer) {
        String name = user.getMetadata().getNamespace() + "/" + CreatedWith.customerName(user);
        if (customer.isEmpty()) {
            return "spec.customerRef.name: Customer " + name + " does not exist; create it or fix the name.";
        }
        if (!Conditions.isTrue(customer.get().getStatus(), Conditions.READY) && !attachedThroughUsers(customer.get())) {
            return "Customer " + name + " is not Ready (" + Conditions.reason(customer.get().getStatus(),
                    Conditions.READY) + "); the user is created once it is.";
        }
        return null;
    }

    /**
     * A customer whose users can be filed (its scope is known) and that waits for an org's administrator to approve
     * the attach its first user's email brings (seed 003): the users' own creates meet the refusal and go through once
     * approved, so the wait is theirs to report, and the customer no blocker of it.
     */
    private boolean attachedThroughUsers(Customer customer) {
        return Reasons.ADMIN_APPROVAL_REQUIRED.equals(Conditions.reason(customer.getStatus(), Conditions.READY))
                && target(customer) != null;
    }

    /**
     * The provider and scope of a customer: its connection's provider, if the connection exists, allows the
     * customer's namespace and can read its token, and the provider files users under the customer already (the ID
     * it recorded, or its declared key). Null otherwise.
     */
    Resolved target(Customer customer) {
        Resolved resolved = resolver.resolve(customer);
        return resolved.isReady() && resolved.scope() != null ? resolved : null;
    }

    /** The user's subscriber as bound, and the declared fields the provider held differently before this round. */
    record Applied(UserBinding.Bound bound, List<UserFields.Difference> differences) {
    }

    /**
     * The user's subscriber, bound by {@link UserBinding}, with the fields the subscriber API can change brought to
     * the spec; or, when someone else's subscriber holds the user's key, that one, untouched.
     */
    Applied apply(CustomerUser user, Customer customer, Resolved target, CustomerUserStatus status, Runnable persist) {
        UserBinding.Bound bound = binding.bind(user, customer, target, status, persist);
        if (!bound.refused() && target.tolerance() != null && people.gone(customer, target, bound.subscriber())) {
            // A converged user's person left the org: its subscriber most likely went too, which only a complete
            // list shows (a list of changes does not).
            LOG.infof("CustomerUser %s/%s: its person %s left the org; reading the customer's complete user list",
                    user.getMetadata().getNamespace(), user.getMetadata().getName(), bound.subscriber().personId());
            directory.refresh(target.connection(), target.provider(), target.scope());
            bound = binding.bind(user, customer, target.strict(), status, persist);
        }
        if (bound.refused()) {
            return new Applied(bound, List.of());
        }
        RemoteUser subscriber = bound.subscriber();
        List<UserFields.Difference> differences = UserFields.differences(user.getSpec(), target.capabilities().users(),
                subscriber, people.compared(user, customer, target, subscriber.personId()));
        List<UserFields.Difference> mend = UserFields.through(differences,
                target.capabilities().users().updatable());
        if (mend.isEmpty()) {
            return new Applied(bound, differences);
        }
        RemoteUser updated = target.provider().users().update(target.scope(), subscriber,
                UserDesiredState.request(user.getSpec(), customer, target.capabilities()));
        LOG.infof("CustomerUser %s/%s: subscriber updated %s", user.getMetadata().getNamespace(),
                user.getMetadata().getName(), mend);
        directory.remember(target.connection(), target.scope(), updated);
        if (target.orgId() != null) {
            licenses.peopleChanged(target.connection(), target.orgId());
        }
        return new Applied(new UserBinding.Bound(updated, bound.how(), null), differences);
    }

    /**
     * The first half of onboarding a stuck user again, as the partner portal's "Retry Activation" does: the stuck
     * subscriber is removed. Only on a person's explicit request (a token).
     */
    void removeStuck(Resolved target, RemoteUser stuck, CustomerUserStatus status) {
        target.provider().users().delete(target.scope(), stuck.id());
        directory.forget(target.connection(), target.scope(), stuck.id());
        status.setUserId(null);
    }

    /** The second half: the user created anew with the address in its spec. */
    RemoteUser onboardAgain(CustomerUser user, Customer customer, Resolved target, CustomerUserStatus status,
            Runnable persist) {
        return binding.create(user, customer, target, status, UserDesiredState.key(user.getSpec(),
                target.capabilities()), persist);
    }
}
