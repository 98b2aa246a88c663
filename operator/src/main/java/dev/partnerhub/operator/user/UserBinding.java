package dev.partnerhub.operator.user;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.CustomerUserStatus;
import dev.partnerhub.api.v1alpha1.PendingCreate;
import dev.partnerhub.operator.provider.Resolved;
import dev.partnerhub.operator.provider.UserDirectory;
import dev.partnerhub.providers.spi.ProviderRejectedException;
import dev.partnerhub.providers.spi.RemoteUser;
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
        RECREATED
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
    private final Clock clock;

    public UserBinding(UserDirectory directory, Clock clock) {
        this.directory = directory;
        this.clock = clock;
    }

    /**
     * @param persist writes the status as it is now: called with the pending create recorded, before the call
     */
    Bound bind(CustomerUser user, Customer customer, Resolved target, CustomerUserStatus status,
            Runnable persist) {
        String name = user.getMetadata().getNamespace() + "/" + user.getMetadata().getName();
        List<RemoteUser> subscribers = directory.users(target.connection(), target.provider(), target.scope());
        boolean gone = false;
        if (status.getUserId() != null) {
            Optional<RemoteUser> own = UserDesiredState.byId(subscribers, status.getUserId());
            if (own.isPresent()) {
                return Bound.to(own.get(), How.OWNED);
            }
            LOG.infof("CustomerUser %s: subscriber %s is gone from the provider; creating it again", name,
                    status.getUserId());
            status.setUserId(null);
            gone = true;
        }
        String key = UserDesiredState.key(user.getSpec(), target.capabilities());
        PendingCreate pending = status.getCreatePending();
        boolean ownCreate = pending != null && key.equalsIgnoreCase(pending.getKey());
        Optional<RemoteUser> found = UserDesiredState.byKey(subscribers, key);
        if (found.isEmpty() && ownCreate) {
            // A list taken just before our own create may miss it: ask the provider again before creating twice.
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
        RemoteUser created;
        try {
            created = create(user, customer, target, status, key, persist);
        } catch (ProviderRejectedException e) {
            // A list taken before someone else's create misses it, and the provider refuses ours: look again.
            Optional<RemoteUser> holder = UserDesiredState.byKey(directory.refresh(target.connection(),
                    target.provider(), target.scope()), key);
            if (holder.isEmpty()) {
                throw e;
            }
            if (!user.getSpec().isAdoptExisting()) {
                return new Bound(null, null, holder.get());
            }
            status.setUserId(holder.get().id());
            LOG.infof("CustomerUser %s: adopted subscriber %s", name, holder.get().id());
            return Bound.to(holder.get(), How.ADOPTED);
        }
        LOG.infof("CustomerUser %s: created subscriber %s (%s)", name, created.id(), created.status());
        return Bound.to(created, gone ? How.RECREATED : How.CREATED);
    }

    /** Creates the subscriber, the intent recorded in status first; a definite refusal clears it. */
    RemoteUser create(CustomerUser user, Customer customer, Resolved target, CustomerUserStatus status,
            String key, Runnable persist) {
        status.setCreatePending(new PendingCreate(key, clock.instant().toString()));
        persist.run();
        RemoteUser created;
        try {
            created = target.provider().users().create(target.scope(), UserDesiredState.request(user.getSpec(),
                    customer, target.capabilities()));
        } catch (ProviderRejectedException e) {
            status.setCreatePending(null);
            throw e;
        }
        status.setUserId(created.id());
        status.setCreatePending(null);
        directory.remember(target.connection(), target.scope(), created);
        return created;
    }
}
