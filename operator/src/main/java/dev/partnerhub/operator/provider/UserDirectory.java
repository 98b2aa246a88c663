package dev.partnerhub.operator.provider;

import dev.partnerhub.operator.OperatorConfig;
import dev.partnerhub.providers.spi.CustomerScope;
import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.providers.spi.RemoteUser;
import dev.partnerhub.providers.spi.Users;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * Observes users in bulk: one paged list per customer feeds every CustomerUser of that customer, instead of
 * one GET per user per resync. Between full lists it asks only for users whose status changed since the
 * last fetch; the operator's own writes are folded in at once. A fetch that finds a known user changed or gone
 * (by someone else: the operator's own writes are already folded in) tells {@link RemoteChanges}, so that the user
 * that recorded it is reconciled at once rather than at its next resync.
 *
 * <p>A drift check (a target that tolerates old lists) on a provider that lists changes across customers reads
 * that one list for all the connection's customers instead of one list each; each customer's complete list is then
 * read every {@code directory.audit}.
 */
@ApplicationScoped
public class UserDirectory {

    /** Overlap of incremental fetches, so that a change stamped just before the last fetch is not missed. */
    private static final Duration SKEW = Duration.ofSeconds(2);

    private record Key(String connection, CustomerScope scope) {
    }

    /**
     * A customer's users as last read. Its monitor guards the map for moments only; {@code reading} is held across
     * the provider call ({@link ReadTurns}).
     */
    private static final class Snapshot {
        final Map<String, RemoteUser> byId = new LinkedHashMap<>();
        final ReentrantLock reading = new ReentrantLock();
        Instant fetchedAt;
        Instant fullAt;
    }

    /** A connection's list of users changed across its customers: when it was last read, or that there is none. */
    private static final class Feed {
        final ReentrantLock reading = new ReentrantLock();
        Instant readAt;
        boolean unsupported;
    }

    private final OperatorConfig config;
    private final Clock clock;
    private final RemoteChanges changes;
    private final Map<Key, Snapshot> snapshots = new ConcurrentHashMap<>();
    private final Map<String, Feed> feeds = new ConcurrentHashMap<>();

    public UserDirectory(OperatorConfig config, Clock clock, RemoteChanges changes) {
        this.config = config;
        this.clock = clock;
        this.changes = changes;
    }

    /** The customer's users, at most {@code directory.max-age} old. */
    public List<RemoteUser> users(String connection, Provider provider, CustomerScope scope) {
        return users(connection, provider, scope, config.directory().maxAge());
    }

    /**
     * The users of the target's customer, as old as the target tolerates. A drift check is served by the
     * connection's list of changes across customers where there is one, and this customer's complete list was read
     * within {@code directory.audit}.
     */
    public List<RemoteUser> users(Resolved target) {
        if (target.tolerance() == null) {
            return users(target.connection(), target.provider(), target.scope(), config.directory().maxAge());
        }
        Snapshot snapshot = snapshots.computeIfAbsent(new Key(target.connection(), target.scope()),
                k -> new Snapshot());
        boolean audited;
        synchronized (snapshot) {
            if (fresh(snapshot, target.tolerance())) {
                return List.copyOf(snapshot.byId.values());
            }
            audited = snapshot.fullAt != null && snapshot.fullAt.plus(config.directory().audit()).isAfter(clock.instant());
        }
        if (audited && readChanges(target.connection(), target.provider(), snapshot, target.tolerance())) {
            synchronized (snapshot) {
                if (fresh(snapshot, target.tolerance())) {
                    return List.copyOf(snapshot.byId.values());
                }
            }
        }
        return users(target.connection(), target.provider(), target.scope(), target.tolerance());
    }

    /**
     * Brings the asking snapshot, and every other of the connection that is as recent, up to now from one list of
     * the users changed since; false where the provider has no such list.
     */
    private boolean readChanges(String connection, Provider provider, Snapshot asking, Duration tolerance) {
        Feed feed = feeds.computeIfAbsent(connection, k -> new Feed());
        Set<String> changed = new HashSet<>();
        ReadTurns.take(feed.reading, "the users changed across the connection's customers");
        try {
            Instant since;
            synchronized (asking) {
                if (fresh(asking, tolerance)) {
                    return true; // brought up to date by the read of another customer's user meanwhile
                }
                since = feed.readAt == null || asking.fetchedAt.isBefore(feed.readAt) ? asking.fetchedAt : feed.readAt;
            }
            if (feed.unsupported) {
                return false;
            }
            Instant now = clock.instant();
            Optional<List<Users.Filed>> fetched = provider.users().changedAcrossCustomers(since.minus(SKEW));
            if (fetched.isEmpty()) {
                feed.unsupported = true;
                return false;
            }
            Map<CustomerScope, List<RemoteUser>> byCustomer = fetched.get().stream().collect(Collectors.groupingBy(
                    Users.Filed::customer, Collectors.mapping(Users.Filed::user, Collectors.toList())));
            snapshots.forEach((key, snapshot) -> {
                if (key.connection().equals(connection)) {
                    synchronized (snapshot) {
                        // Only a snapshot read since `since` lacks nothing this list does not show.
                        if (snapshot.fetchedAt != null && !snapshot.fetchedAt.isBefore(since)) {
                            changed.addAll(fold(snapshot, byCustomer.getOrDefault(key.scope(), List.of()), false, now));
                        }
                    }
                }
            });
            feed.readAt = now;
        } finally {
            feed.reading.unlock();
        }
        changes.tell(changed);
        return true;
    }

    private boolean fresh(Snapshot snapshot, Duration maxAge) {
        return snapshot.fetchedAt != null && !snapshot.fetchedAt.plus(maxAge).isBefore(clock.instant());
    }

    /** The customer's users, at most {@code maxAge} old. */
    public List<RemoteUser> users(String connection, Provider provider, CustomerScope scope, Duration maxAge) {
        Snapshot snapshot = snapshots.computeIfAbsent(new Key(connection, scope), k -> new Snapshot());
        synchronized (snapshot) {
            if (fresh(snapshot, maxAge)) {
                return List.copyOf(snapshot.byId.values());
            }
        }
        Set<String> changed;
        List<RemoteUser> result;
        ReadTurns.take(snapshot.reading, "the users of customer " + scope.id());
        try {
            Instant now;
            boolean full;
            Instant since;
            synchronized (snapshot) {
                if (fresh(snapshot, maxAge)) {
                    return List.copyOf(snapshot.byId.values()); // read by the reconcile we waited for
                }
                now = clock.instant();
                full = snapshot.fullAt == null || snapshot.fullAt.plus(config.directory().fullRefresh()).isBefore(now);
                since = full ? null : snapshot.fetchedAt.minus(SKEW);
            }
            List<RemoteUser> fetched = provider.users().list(scope, since);
            synchronized (snapshot) {
                changed = fold(snapshot, fetched, full, now);
                result = List.copyOf(snapshot.byId.values());
            }
        } finally {
            snapshot.reading.unlock();
        }
        changes.tell(changed);
        return result;
    }

    /** The customer's users from a full list made now, whatever the snapshot's age. */
    public List<RemoteUser> refresh(String connection, Provider provider, CustomerScope scope) {
        Snapshot snapshot = snapshots.computeIfAbsent(new Key(connection, scope), k -> new Snapshot());
        Set<String> changed;
        List<RemoteUser> result;
        ReadTurns.take(snapshot.reading, "the users of customer " + scope.id());
        try {
            Instant now = clock.instant();
            List<RemoteUser> fetched = provider.users().list(scope, null);
            synchronized (snapshot) {
                changed = fold(snapshot, fetched, true, now);
                result = List.copyOf(snapshot.byId.values());
            }
        } finally {
            snapshot.reading.unlock();
        }
        changes.tell(changed);
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

    /** Folds in a user the operator just created or updated. */
    public void remember(String connection, CustomerScope scope, RemoteUser user) {
        Snapshot snapshot = snapshots.computeIfAbsent(new Key(connection, scope), k -> new Snapshot());
        synchronized (snapshot) {
            snapshot.byId.put(user.id(), user);
        }
    }

    /** Drops what is kept of a deleted connection: its customers' snapshots and its list of changes. */
    public void forget(String connection) {
        snapshots.keySet().removeIf(key -> key.connection().equals(connection));
        feeds.remove(connection);
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
