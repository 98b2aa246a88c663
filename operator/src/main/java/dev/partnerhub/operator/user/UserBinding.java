package dev.partnerhub.operator.user;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.CustomerUserStatus;
import dev.partnerhub.api.v1alpha1.PendingCreate;
import dev.partnerhub.desired.UserDesiredState;
import dev.partnerhub.desired.UserFields;
import dev.partnerhub.operator.ownership.DeletedUsers;
import dev.partnerhub.operator.provider.Resolved;
import dev.partnerhub.operator.provider.UserDirectory;
import dev.partnerhub.providers.spi.model.Feature;
import dev.partnerhub.providers.spi.model.RemoteUser;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Finds a CustomerUser's subscriber, never someone else's, and decides what binds it: the one whose ID it recorded;
 * else the one its own create made (recorded as pending before the call, so a lost reply or a crash is recognised);
 * else, with {@code spec.adoptExisting}, the one found under its key; else a deleted one to restore; else a create.
 * A subscriber under its key that it did not create and may not adopt is reported, not touched. It reads the
 * provider and records what it claims in status; the restore and the create are the reconciler's to run
 * ({@link UserWrites}).
 */
@ApplicationScoped
public class UserBinding {

    private static final Logger LOG = Logger.getLogger(UserBinding.class);

    /** How the subscriber was bound. */
    public enum How {
        /** The subscriber whose ID the user recorded. */
        OWNED,
        /** The user's own create, found under its key after a lost reply or a restart. */
        CLAIMED,
        /** An existing subscriber taken over with spec.adoptExisting. */
        ADOPTED,
        CREATED,
        /** The recorded subscriber was gone from the provider: created again. */
        RECREATED,
        /** A deleted user restored, with its licences: this namespace deleted it, or adoptExisting asked for it. */
        RESTORED
    }

    /** What binds a user to its subscriber this round. */
    sealed interface Binding permits Bound, Foreign, NeedsRestore, NeedsCreate {
    }

    /** The user's subscriber, and how it was bound. */
    record Bound(RemoteUser subscriber, How how) implements Binding {
    }

    /** Someone else's user holds the key: reported, not touched. */
    record Foreign(RemoteUser holder) implements Binding {
    }

    /** A deleted user of this user's (or one adoptExisting takes) to restore. */
    record NeedsRestore(RemoteUser deleted) implements Binding {
    }

    /**
     * No subscriber: one to create under {@code key}. {@code lost} is the recorded ID that is gone from the provider,
     * if any (then the create makes it again).
     */
    record NeedsCreate(String key, String lost) implements Binding {

        boolean recreating() {
            return lost != null;
        }
    }

    private final UserDirectory directory;
    private final PersonSync people;

    public UserBinding(UserDirectory directory, PersonSync people) {
        this.directory = directory;
        this.people = people;
    }

    /** What binds the user: its subscriber, someone else's, or the restore or create the reconciler runs next. */
    Binding bind(CustomerUser user, Customer customer, Resolved target, CustomerUserStatus status) {
        Binding binding = find(user, customer, target, status);
        if (binding instanceof Bound bound && target.tolerance() != null
                && people.gone(customer, target, bound.subscriber())) {
            // A converged user's person left the org: its subscriber most likely went too, which only a complete
            // list shows (a list of changes does not).
            LOG.infof("CustomerUser %s/%s: its person %s left the org; reading the customer's complete user list",
                    user.getMetadata().getNamespace(), user.getMetadata().getName(), bound.subscriber().personId());
            directory.refresh(target.connection(), target.provider(), target.scope());
            binding = find(user, customer, target.strict(), status);
        }
        return binding;
    }

    private Binding find(CustomerUser user, Customer customer, Resolved target, CustomerUserStatus status) {
        String name = user.getMetadata().getNamespace() + "/" + user.getMetadata().getName();
        List<RemoteUser> subscribers = directory.users(target);
        String lost = status.getUserId();
        if (status.getUserId() != null) {
            Optional<RemoteUser> own = UserDesiredState.byId(subscribers, status.getUserId());
            if (own.isEmpty()) {
                // Neither an old snapshot nor one reply decides that a subscriber is gone: the list is read again.
                subscribers = directory.refresh(target.connection(), target.provider(), target.scope());
                own = UserDesiredState.byId(subscribers, status.getUserId());
            }
            if (own.isPresent()) {
                return new Bound(own.get(), How.OWNED);
            }
            // The recorded ID stays until another replaces it: a create refused because the subscriber is there
            // after all (a list that lagged twice) finds it again.
            LOG.infof("CustomerUser %s: subscriber %s is gone from the provider; creating it again", name,
                    status.getUserId());
        }
        String key = UserDesiredState.key(user.getSpec(), target.capabilities());
        boolean ownCreate = ownCreate(status, key);
        Optional<RemoteUser> found = UserDesiredState.byKey(subscribers, key);
        if (found.isEmpty() && (ownCreate || user.getSpec().isAdoptExisting())) {
            // A list taken just before our own create may miss it, and one taken before a user made elsewhere (which
            // adoptExisting says exists) too: ask the provider again before creating.
            found = UserDesiredState.byKey(directory.refresh(target.connection(), target.provider(), target.scope()),
                    key);
        }
        if (found.isPresent()) {
            return claim(user, status, ownCreate, found.get());
        }
        if (target.capabilities().has(Feature.RESTORE)) {
            Optional<RemoteUser> deleted = UserDesiredState.byKey(target.provider().users()
                    .listDeleted(target.scope()), key);
            if (deleted.isPresent()) {
                boolean ours = deleted.get().id().equals(lost) || DeletedUsers.recorded(customer, deleted.get().id());
                return ours || user.getSpec().isAdoptExisting() ? new NeedsRestore(deleted.get())
                        : new Foreign(deleted.get());
            }
        }
        return new NeedsCreate(key, lost);
    }

    /**
     * A subscriber found under the user's key: its own (its create, whose reply was lost) or one it adopts, recorded
     * as the user's; otherwise someone else's.
     */
    static Binding claim(CustomerUser user, CustomerUserStatus status, boolean ownCreate, RemoteUser found) {
        if (!ownCreate && !user.getSpec().isAdoptExisting()) {
            return new Foreign(found);
        }
        status.setUserId(found.id());
        status.setCreatePending(null);
        LOG.infof("CustomerUser %s/%s: %s subscriber %s", user.getMetadata().getNamespace(),
                user.getMetadata().getName(), ownCreate ? "found its own" : "adopted", found.id());
        return new Bound(found, ownCreate ? How.CLAIMED : How.ADOPTED);
    }

    /** Whether the status records a create of this key whose outcome is not known yet. */
    static boolean ownCreate(CustomerUserStatus status, String key) {
        PendingCreate pending = status.getCreatePending();
        return pending != null && key.equalsIgnoreCase(pending.getKey());
    }

    /** Someone else's user holds the user's key: what it is, and how to take it over or step aside. */
    static String alreadyExists(CustomerUser user, Resolved target, RemoteUser foreign) {
        String field = UserFields.path(target.capabilities().users().key());
        String what = foreign.restorableUntil() != null ? "A deleted user (restorable until " + foreign.restorableUntil()
                + ") with " : "A user with ";
        return what + field + " " + UserDesiredState.key(user.getSpec(), target.capabilities())
                + " exists in the provider (" + foreign.id() + ", " + foreign.status() + ") and the operator did not "
                + "create it. Set spec.adoptExisting: true to " + (foreign.restorableUntil() != null ? "restore it and "
                : "") + "manage it from this CustomerUser, or use another " + field + ".";
    }
}
