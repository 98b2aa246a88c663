package dev.partnerhub.operator.user;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.CustomerUserStatus;
import dev.partnerhub.api.v1alpha1.DeletedUser;
import dev.partnerhub.desired.UserDesiredState;
import dev.partnerhub.operator.ownership.CreatedWith;
import dev.partnerhub.operator.ownership.DeletedUsers;
import dev.partnerhub.operator.ownership.DeletionBudget;
import dev.partnerhub.operator.ownership.ReleaseAdvice;
import dev.partnerhub.operator.provider.Resolved;
import dev.partnerhub.operator.provider.Resolver;
import dev.partnerhub.operator.provider.UserDirectory;
import dev.partnerhub.operator.status.CommonReason;
import dev.partnerhub.operator.status.Reason;
import dev.partnerhub.operator.tenancy.Namespaces;
import dev.partnerhub.providers.spi.model.Feature;
import dev.partnerhub.providers.spi.model.RemoteUser;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * The CustomerUser finalizer's provider side: it removes the subscriber this user owns (the ID it recorded, or its
 * own create whose reply never came) and nothing else, through its Customer's connection when that connection still
 * allows the namespace, and within the connection's deletion budget.
 */
@ApplicationScoped
public class UserDeletion {

    private static final Logger LOG = Logger.getLogger(UserDeletion.class);

    /** Why a finalizer cannot go on: a CamelCase reason and a message saying what a person can do. */
    public record Blocker(Reason reason, String message) {
    }

    private final UserGate gate;
    private final Resolver resolver;
    private final UserDirectory directory;
    private final DeletionBudget budget;
    private final Namespaces namespaces;
    private final DeletedUsers deletedUsers;
    private final Clock clock;

    public UserDeletion(UserGate gate, Resolver resolver, UserDirectory directory, DeletionBudget budget,
            Namespaces namespaces, DeletedUsers deletedUsers, Clock clock) {
        this.gate = gate;
        this.resolver = resolver;
        this.directory = directory;
        this.budget = budget;
        this.namespaces = namespaces;
        this.deletedUsers = deletedUsers;
        this.clock = clock;
    }

    /** Empty when the user's subscriber is gone (or was never created); otherwise why it cannot be removed now. */
    Optional<Blocker> delete(CustomerUser user, Optional<Customer> customer) {
        String name = user.getMetadata().getNamespace() + "/" + user.getMetadata().getName();
        CustomerUserStatus status = user.getStatus();
        if (status == null || status.getUserId() == null && status.getCreatePending() == null) {
            return Optional.empty();
        }
        Optional<Blocker> blocker = blocker(user, customer);
        if (blocker.isPresent()) {
            return blocker;
        }
        Resolved target = gate.target(customer.orElseThrow());
        if (target == null) {
            // The customer was never created in the provider: neither was the user.
            return Optional.empty();
        }
        List<RemoteUser> users = directory.users(target.connection(), target.provider(), target.scope());
        String key = UserDesiredState.key(user.getSpec(), target.capabilities());
        Optional<RemoteUser> own = status.getUserId() != null
                ? UserDesiredState.byId(users, status.getUserId())
                : UserDesiredState.byKey(users, key).filter(s -> status.getCreatePending().getKey()
                        .equalsIgnoreCase(key));
        if (own.isEmpty()) {
            LOG.infof("CustomerUser %s deleted; its subscriber was already gone from the provider", name);
            return Optional.empty();
        }
        ResourceID connection = CreatedWith.connectionId(customer.get());
        String what = "CustomerUser " + name + " (subscriber " + key + ")";
        if (!budget.allow(connection.getNamespace().orElseThrow(), connection.getName(),
                user.getMetadata().getUid() + "/subscriber", what)) {
            return Optional.of(new Blocker(CommonReason.DeletionHeld,
                    "Removing the subscriber is held: PartnerConnection " + target.connection() + " allows "
                    + "a limited number of remote deletions an hour "
                    + "(spec.deletionProtection.maxDeletesPerHour) and they are spent. Annotate the connection with "
                    + DeletionBudget.APPROVE_DELETIONS + "=<new token> to release the held deletions, or set "
                    + "spec.deletionPolicy to Orphan to keep the subscriber."));
        }
        if (target.capabilities().has(Feature.RESTORE)) {
            // Before the delete: only a user this namespace deleted is restored when a CustomerUser comes back.
            deletedUsers.record(customer.get(), new DeletedUser(own.get().id(), key, name, clock.instant().toString()));
        }
        target.provider().users().delete(target.scope(), own.get().id());
        directory.forget(target.connection(), target.scope(), own.get().id());
        LOG.infof("CustomerUser %s deleted; subscriber %s removed from the provider", name, own.get().id());
        return Optional.empty();
    }

    /** Why the user's provider account cannot be reached now: its Customer, connection or credentials, or access. */
    private Optional<Blocker> blocker(CustomerUser user, Optional<Customer> customer) {
        String namespace = user.getMetadata().getNamespace();
        if (customer.isEmpty()) {
            return Optional.of(new Blocker(CommonReason.CustomerNotFound,
                    "Cannot remove the subscriber from the provider: its Customer " + namespace + "/"
                    + CreatedWith.customerName(user) + " is gone, so the operator "
                    + "cannot tell which account holds it. " + ReleaseAdvice.of(CommonReason.CustomerNotFound,
                    namespace, namespaces.terminating(namespace))));
        }
        Resolved resolved = resolver.resolve(customer.get());
        if (resolved.isReady()) {
            return Optional.empty();
        }
        String connectionNamespace = CreatedWith.connectionId(customer.get()).getNamespace().orElseThrow();
        return Optional.of(new Blocker(resolved.reason(), "Cannot remove the subscriber from the provider: "
                + resolved.message() + ". " + ReleaseAdvice.of(resolved.reason(), connectionNamespace,
                        namespaces.terminating(connectionNamespace))));
    }
}
