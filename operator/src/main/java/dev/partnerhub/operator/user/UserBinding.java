package dev.partnerhub.operator.user;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.CustomerUserStatus;
import dev.partnerhub.api.v1alpha1.PendingCreate;
import dev.partnerhub.desired.UserDesiredState;
import dev.partnerhub.desired.UserFields;
import dev.partnerhub.operator.ownership.DeletedUsers;
import dev.partnerhub.operator.ownership.PendingCreates;
import dev.partnerhub.operator.provider.Resolved;
import dev.partnerhub.operator.provider.UserDirectory;
import dev.partnerhub.providers.spi.Feature;
import dev.partnerhub.providers.spi.ProviderRejectedException;
import dev.partnerhub.providers.spi.RemoteUser;
import dev.partnerhub.providers.spi.UserRequest;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Binds a CustomerUser to its subscriber, never to someone else's: the one whose ID it recorded; else the one its
 * own create made (recorded as pending before the call, so a lost reply or a crash is recognised); else, with
 * {@code spec.adoptExisting}, the one found under its key; else a new one. A subscriber found under its key that it
 * did not create and may not adopt is reported, not touched.
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

    /** The user's subscriber and how it was bound; or, with {@code foreign}, someone else's that holds the key. */
    public record Bound(RemoteUser subscriber, How how, RemoteUser foreign) {

        static Bound to(RemoteUser subscriber, How how) {
            return new Bound(subscriber, how, null);
        }

        public boolean refused() {
            return foreign != null;
        }
    }

    private final UserDirectory directory;
    private final Passwords passwords;
    private final Clock clock;

    public UserBinding(UserDirectory directory, Passwords passwords, Clock clock) {
        this.directory = directory;
        this.passwords = passwords;
        this.clock = clock;
    }

    /**
     * @param persist writes the status as it is now: called with the pending create recorded, before the call
     */
    Bound bind(CustomerUser user, Customer customer, Resolved target, CustomerUserStatus status,
            Runnable persist) {
        String name = user.getMetadata().getNamespace() + "/" + user.getMetadata().getName();
        List<RemoteUser> subscribers = directory.users(target);
        boolean gone = false;
        String lost = status.getUserId();
        if (status.getUserId() != null) {
            Optional<RemoteUser> own = UserDesiredState.byId(subscribers, status.getUserId());
            if (own.isEmpty()) {
                // Neither an old snapshot nor one reply decides that a subscriber is gone: the list is read again.
                subscribers = directory.refresh(target.connection(), target.provider(), target.scope());
                own = UserDesiredState.byId(subscribers, status.getUserId());
            }
            if (own.isPresent()) {
                return Bound.to(own.get(), How.OWNED);
            }
            // The recorded ID stays until another replaces it: a create refused because the subscriber is there
            // after all (a list that lagged twice) finds it again.
            LOG.infof("CustomerUser %s: subscriber %s is gone from the provider; creating it again", name,
                    status.getUserId());
            gone = true;
        }
        String key = UserDesiredState.key(user.getSpec(), target.capabilities());
        PendingCreate pending = status.getCreatePending();
        boolean ownCreate = pending != null && key.equalsIgnoreCase(pending.getKey());
        Optional<RemoteUser> found = UserDesiredState.byKey(subscribers, key);
        if (found.isEmpty() && (ownCreate || user.getSpec().isAdoptExisting())) {
            // A list taken just before our own create may miss it, and one taken before a user made elsewhere (which
            // adoptExisting says exists) too: ask the provider again before creating.
            found = UserDesiredState.byKey(directory.refresh(target.connection(), target.provider(), target.scope()),
                    key);
        }
        if (found.isPresent()) {
            if (!ownCreate && !user.getSpec().isAdoptExisting()) {
                return new Bound(null, null, found.get());
            }
            status.setUserId(found.get().id());
            status.setCreatePending(null);
            LOG.infof("CustomerUser %s: %s subscriber %s", name, ownCreate ? "found its own" : "adopted",
                    found.get().id());
            return Bound.to(found.get(), ownCreate ? How.CLAIMED : How.ADOPTED);
        }
        if (target.capabilities().has(Feature.RESTORE)) {
            Optional<Bound> restored = restore(user, customer, target, status, key, lost);
            if (restored.isPresent()) {
                return restored.get();
            }
        }
        RemoteUser created;
        try {
            created = create(user, customer, target, status, key, persist);
        } catch (ProviderRejectedException e) {
            // A list taken before someone else's create misses it, and the provider refuses ours: look again. When
            // the refused create repeats one of ours whose reply never came, or what holds the key is the subscriber
            // the user recorded, it is ours.
            Optional<RemoteUser> holder = UserDesiredState.byKey(directory.refresh(target.connection(),
                    target.provider(), target.scope()), key);
            if (holder.isPresent() && holder.get().id().equals(lost)) {
                LOG.infof("CustomerUser %s: subscriber %s was there after all; kept", name, lost);
                status.setCreatePending(null);
                return Bound.to(holder.get(), How.OWNED);
            }
            if (holder.isEmpty()) {
                throw PendingCreates.unconfirmed(e, ownCreate || lost != null, "user " + key);
            }
            if (!ownCreate && !user.getSpec().isAdoptExisting()) {
                return new Bound(null, null, holder.get());
            }
            status.setUserId(holder.get().id());
            status.setCreatePending(null);
            LOG.infof("CustomerUser %s: %s subscriber %s", name, ownCreate ? "found its own" : "adopted",
                    holder.get().id());
            return Bound.to(holder.get(), ownCreate ? How.CLAIMED : How.ADOPTED);
        }
        LOG.infof("CustomerUser %s: created subscriber %s (%s)", name, created.id(), created.status());
        return Bound.to(created, gone ? How.RECREATED : How.CREATED);
    }

    /**
     * A deleted user under the key that the provider still keeps: restored when it is this user's (the one it
     * recorded, or one a CustomerUser of this namespace deleted) or with adoptExisting; otherwise someone else's,
     * reported and not touched.
     */
    private Optional<Bound> restore(CustomerUser user, Customer customer, Resolved target, CustomerUserStatus status,
            String key, String lost) {
        Optional<RemoteUser> deleted = UserDesiredState.byKey(target.provider().users().listDeleted(target.scope()),
                key);
        if (deleted.isEmpty()) {
            return Optional.empty();
        }
        RemoteUser d = deleted.get();
        boolean ours = d.id().equals(lost) || DeletedUsers.recorded(customer, d.id());
        if (!ours && !user.getSpec().isAdoptExisting()) {
            return Optional.of(new Bound(null, null, d));
        }
        RemoteUser restored = target.provider().users().restore(target.scope(), d.id());
        status.setUserId(restored.id());
        status.setCreatePending(null);
        status.setRestoreDeadline(d.restorableUntil() == null ? null : d.restorableUntil().toString());
        directory.remember(target.connection(), target.scope(), restored);
        LOG.infof("CustomerUser %s/%s: restored deleted user %s", user.getMetadata().getNamespace(),
                user.getMetadata().getName(), d.id());
        return Optional.of(Bound.to(restored, How.RESTORED));
    }

    /**
     * Creates the user, the intent recorded in status first (with the temporary password stored beforehand, where the
     * provider takes one); a definite refusal clears it. A repeated create refused as a conflict does not: the first
     * may have gone through, and the pending create stands until its user is found or a create is refused outright.
     */
    RemoteUser create(CustomerUser user, Customer customer, Resolved target, CustomerUserStatus status,
            String key, Runnable persist) {
        UserRequest request = UserDesiredState.request(user.getSpec(), customer, target.capabilities());
        boolean retried = retried(status, key);
        if (target.capabilities().has(Feature.PASSWORDS)) {
            request = request.withPassword(passwords.forCreate(user, retried));
            status.setPasswordSecretRef(Passwords.ref(user));
        }
        status.setCreatePending(new PendingCreate(key, retried ? status.getCreatePending().getSince()
                : clock.instant().toString()));
        persist.run();
        RemoteUser created;
        try {
            created = target.provider().users().create(target.scope(), request);
        } catch (ProviderRejectedException e) {
            if (!PendingCreates.mayBeOurs(e, retried)) {
                status.setCreatePending(null);
                status.setPasswordSecretRef(null);
            }
            throw e;
        }
        status.setUserId(created.id());
        status.setCreatePending(null);
        directory.remember(target.connection(), target.scope(), created);
        return created;
    }

    private static boolean retried(CustomerUserStatus status, String key) {
        return status.getCreatePending() != null && key.equalsIgnoreCase(status.getCreatePending().getKey());
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
