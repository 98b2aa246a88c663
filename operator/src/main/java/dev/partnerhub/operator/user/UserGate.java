package dev.partnerhub.operator.user;

import dev.partnerhub.api.v1alpha1.ActivationState;
import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.CustomerUserStatus;
import dev.partnerhub.api.v1alpha1.LicenseAssignment;
import dev.partnerhub.desired.UserDesiredState;
import dev.partnerhub.operator.OperatorConfig;
import dev.partnerhub.operator.ownership.CreatedWith;
import dev.partnerhub.operator.provider.Resolved;
import dev.partnerhub.operator.provider.Resolver;
import dev.partnerhub.operator.shard.Shard;
import dev.partnerhub.operator.status.Blocked;
import dev.partnerhub.operator.status.CommonReason;
import dev.partnerhub.operator.status.Conditions;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Every "may this user act now?" of a CustomerUser round, asked before any write to the provider, in one place: its
 * fields bound at creation unchanged, its Customer there and Ready, a connection that can act for it, a spec the
 * provider can take, no other CustomerUser declaring its keys, and no refusal of this very spec by the provider a
 * moment ago. The answer is a verdict the reconciler states: blocked, quiet for a while, or go with the target.
 */
@ApplicationScoped
public class UserGate {

    /** The gate's answer. */
    sealed interface Verdict permits Stop, Quiet, Go {
    }

    /** Blocked: stated in Ready (and Stalled where a person must act). */
    record Stop(Blocked blocked) implements Verdict {
    }

    /** The provider refused this spec a moment ago: the status stands, the same request is sent again at the resync. */
    record Quiet(Duration retry) implements Verdict {
    }

    /** May act, on this Customer through this target. */
    record Go(Customer customer, Resolved target) implements Verdict {
    }

    private final Resolver resolver;
    private final Shard shard;
    private final OperatorConfig config;
    private final Clock clock;

    public UserGate(Resolver resolver, Shard shard, OperatorConfig config, Clock clock) {
        this.resolver = resolver;
        this.shard = shard;
        this.config = config;
        this.clock = clock;
    }

    /**
     * Records the fields bound at creation on first sight and the spec's warnings, and says whether the user may act.
     *
     * @param users the CustomerUsers, indexed by their keys ({@link UserKeys#INDEX})
     */
    Verdict check(CustomerUser user, Optional<Customer> customer, CustomerUserStatus status,
            List<LicenseAssignment> assignments, IndexedResourceCache<CustomerUser> users) {
        Optional<String> changed = CreatedWith.refusal(status, CreatedWith.of(user), "CustomerUser");
        if (changed.isPresent()) {
            return new Stop(Blocked.stalled(CommonReason.ImmutableFieldChanged, changed.get(), null));
        }
        String customerName = user.getMetadata().getNamespace() + "/" + CreatedWith.customerName(user);
        if (customer.isEmpty()) {
            String message = shard.customerElsewhere(user.getMetadata().getNamespace(),
                    CreatedWith.customerName(user)).orElse("spec.customerRef.name: Customer " + customerName
                            + " does not exist; create it or fix the name.");
            return new Stop(Blocked.stalled(CommonReason.CustomerNotFound, message, null));
        }
        Customer c = customer.get();
        if (!Conditions.isTrue(c.getStatus(), Conditions.READY) && !attachedThroughUsers(c)) {
            String reason = Conditions.reason(c.getStatus(), Conditions.READY);
            String message = "Customer " + customerName + " is not Ready (" + (reason == null ? "not yet reconciled"
                    : reason) + "); the user is created once it is.";
            // Stalled only where a person must act: a Customer that is itself stalled; else it waits.
            return new Stop(new Blocked(CommonReason.CustomerNotReady, message,
                    Conditions.isTrue(c.getStatus(), Conditions.STALLED), config.polling().blocked()));
        }
        Resolved target = target(c);
        if (target == null) {
            return new Stop(Blocked.stalled(CommonReason.CustomerNotReady, "The PartnerConnection of Customer "
                    + c.getMetadata().getName() + " is missing or has no usable credentials; see the Customer's "
                    + "status.", config.polling().blocked()));
        }
        if (converged(user)) {
            // Only drift can be found: the customer's lists, read once per full refresh for all its users, will do.
            target = target.tolerating(config.directory().fullRefresh());
        }
        UserDesiredState.Refusal refusal = UserDesiredState.refusal(user, c, target.capabilities(), assignments);
        if (refusal != null) {
            CommonReason reason = switch (refusal.kind()) {
                case UnsupportedByProvider -> CommonReason.UnsupportedByProvider;
                case InvalidSpec -> CommonReason.InvalidSpec;
            };
            return new Stop(Blocked.stalled(reason, refusal.message(), null));
        }
        status.setWarnings(UserDesiredState.warnings(user.getSpec(), target.capabilities()));
        Optional<String> duplicate = UserKeys.duplicateOf(user, users);
        if (duplicate.isPresent()) {
            // The other user's deletion sends no event here: look again later.
            return new Stop(Blocked.stalled(UserReason.DuplicateUser, duplicate.get(), config.polling().blocked()));
        }
        if (refusedRecently(user, status, clock.instant(), config.polling().resync())) {
            return new Quiet(config.polling().resync());
        }
        return new Go(c, target);
    }

    /** Whether the user's last reconcile left it Ready and provisioned, for its current spec. */
    static boolean converged(CustomerUser user) {
        CustomerUserStatus status = user.getStatus();
        return Conditions.readyAt(status, user.getMetadata().getGeneration()) && status.getActivation() != null
                && status.getActivation().getState() == ActivationState.Provisioned;
    }

    /**
     * Whether the provider refused this very spec (this generation) less than {@code resync} ago: the same request
     * is not sent again on an unrelated event (its Customer's tally, a sibling's change), only after a spec edit or at
     * the resync.
     */
    static boolean refusedRecently(CustomerUser user, CustomerUserStatus status, Instant now, Duration resync) {
        return Conditions.find(status.getConditions(), Conditions.STALLED)
                .filter(c -> "True".equals(c.getStatus()) && CommonReason.ProviderRejected.is(c.getReason()))
                .filter(c -> Objects.equals(c.getObservedGeneration(), user.getMetadata().getGeneration()))
                .filter(c -> c.getLastTransitionTime() != null
                        && Instant.parse(c.getLastTransitionTime()).plus(resync).isAfter(now))
                .isPresent();
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

    /**
     * A customer whose users can be filed (its scope is known) and that waits for an org's administrator to approve
     * the attach its first user's email brings (seed 003): the users' own creates meet the refusal and go through once
     * approved, so the wait is theirs to report, and the customer no blocker of it.
     */
    private boolean attachedThroughUsers(Customer customer) {
        return CommonReason.AdminApprovalRequired.is(Conditions.reason(customer.getStatus(), Conditions.READY))
                && target(customer) != null;
    }
}
