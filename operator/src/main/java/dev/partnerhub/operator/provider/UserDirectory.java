package dev.partnerhub.operator.provider;

import dev.partnerhub.operator.OperatorConfig;
import dev.partnerhub.providers.spi.CustomerScope;
import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.providers.spi.RemoteUser;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Observes users in bulk: one paged list per customer feeds every CustomerUser of that customer, instead of
 * one GET per user per resync. Between full lists it asks only for users whose status changed since the
 * last fetch; the operator's own writes are folded in at once. A fetch that finds a known user changed or gone
 * (by someone else: the operator's own writes are already folded in) tells the listeners, so that the user that
 * recorded it is reconciled at once rather than at its next resync.
 */
@ApplicationScoped
public class UserDirectory {

    /** Overlap of incremental fetches, so that a change stamped just before the last fetch is not missed. */
    private static final Duration SKEW = Duration.ofSeconds(2);

    private record Key(String connection, CustomerScope scope) {
    }

    private static final class Snapshot {
        final Map<String, RemoteUser> byId = new LinkedHashMap<>();
        Instant fetchedAt;
        Instant fullAt;
    }

    private final OperatorConfig config;
    private final Clock clock;
    private final Map<Key, Snapshot> snapshots = new ConcurrentHashMap<>();
    private final List<Consumer<Set<String>>> listeners = new CopyOnWriteArrayList<>();

    public UserDirectory(OperatorConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Listens to users changed or gone outside the operator, by ID. */
    public void onChange(Consumer<Set<String>> listener) {
        listeners.add(listener);
    }

    /** The customer's users, at most {@code directory.max-age} old. */
    public List<RemoteUser> users(String connection, Provider provider, CustomerScope scope) {
        return users(connection, provider, scope, config.directory().maxAge());
    }

    /** The users of the target's customer, as old as the target tolerates. */
    public List<RemoteUser> users(Resolved target) {
        return users(target.connection(), target.provider(), target.scope(), target.tolerance() == null
                ? config.directory().maxAge() : target.tolerance());
    }

    /** The customer's users, at most {@code maxAge} old. */
    public List<RemoteUser> users(String connection, Provider provider, CustomerScope scope, Duration maxAge) {
        Snapshot snapshot = snapshots.computeIfAbsent(new Key(connection, scope), k -> new Snapshot());
        Set<String> changed;
        List<RemoteUser> result;
        synchronized (snapshot) {
            Instant now = clock.instant();
            if (snapshot.fetchedAt != null && !snapshot.fetchedAt.plus(maxAge).isBefore(now)) {
                return List.copyOf(snapshot.byId.values());
            }
            boolean full = snapshot.fullAt == null || snapshot.fullAt.plus(config.directory().fullRefresh()).isBefore(now);
            List<RemoteUser> fetched = provider.users().list(scope, full ? null : snapshot.fetchedAt.minus(SKEW));
            changed = fold(snapshot, fetched, full, now);
            result = List.copyOf(snapshot.byId.values());
        }
        tell(changed);
        return result;
    }

    /** The customer's users from a full list made now, whatever the snapshot's age. */
    public List<RemoteUser> refresh(String connection, Provider provider, CustomerScope scope) {
        Snapshot snapshot = snapshots.computeIfAbsent(new Key(connection, scope), k -> new Snapshot());
        Set<String> changed;
        List<RemoteUser> result;
        synchronized (snapshot) {
            changed = fold(snapshot, provider.users().list(scope, null), true, clock.instant());
            result = List.copyOf(snapshot.byId.values());
        }
        tell(changed);
        return result;
    }

    /** Puts a fetch into the snapshot; returns the IDs of known users it shows changed or (full list) gone. */
    private static Set<String> fold(Snapshot snapshot, List<RemoteUser> fetched, boolean full, Instant now) {
        boolean known = snapshot.fetchedAt != null;
        Set<String> changed = new HashSet<>();
        for (RemoteUser s : fetched) {
            RemoteUser before = snapshot.byId.get(s.id());
            if (known && before != null && !before.equals(s)) {
                changed.add(s.id());
            }
        }
        if (full) {
            Set<String> present = new HashSet<>();
            fetched.forEach(s -> present.add(s.id()));
            if (known) {
                snapshot.byId.keySet().stream().filter(id -> !present.contains(id)).forEach(changed::add);
            }
            snapshot.byId.clear();
            snapshot.fullAt = now;
        }
        fetched.forEach(s -> snapshot.byId.put(s.id(), s));
        snapshot.fetchedAt = now;
        return changed;
    }

    private void tell(Set<String> changed) {
        if (!changed.isEmpty()) {
            listeners.forEach(l -> l.accept(Set.copyOf(changed)));
        }
    }

    /** Folds in a user the operator just created or updated. */
    public void remember(String connection, CustomerScope scope, RemoteUser user) {
        Snapshot snapshot = snapshots.computeIfAbsent(new Key(connection, scope), k -> new Snapshot());
        synchronized (snapshot) {
            snapshot.byId.put(user.id(), user);
        }
    }

    /** Drops the snapshot of a customer whose Customer is gone. */
    public void forget(String connection, CustomerScope scope) {
        snapshots.remove(new Key(connection, scope));
    }

    /** Drops a user the operator just deleted. */
    public void forget(String connection, CustomerScope scope, String userId) {
        Snapshot snapshot = snapshots.get(new Key(connection, scope));
        if (snapshot != null) {
            synchronized (snapshot) {
                snapshot.byId.remove(userId);
            }
        }
    }
}
