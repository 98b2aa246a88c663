package dev.partnerhub.operator.provider;

import dev.partnerhub.operator.OperatorConfig;
import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.providers.spi.Users;
import dev.partnerhub.providers.spi.model.CustomerScope;
import dev.partnerhub.providers.spi.model.RemoteUser;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.UnaryOperator;
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

    /** A customer's users as last read, by ID, and when its last complete list was read. */
    private record Listed(Map<String, RemoteUser> byId, Instant fullAt) {

        List<RemoteUser> list() {
            return List.copyOf(byId.values());
        }

        Listed with(UnaryOperator<Map<String, RemoteUser>> change) {
            return new Listed(Collections.unmodifiableMap(change.apply(new LinkedHashMap<>(byId))), fullAt);
        }
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
    private final Map<Key, Snapshot<Listed>> snapshots = new ConcurrentHashMap<>();
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
        Snapshot<Listed> snapshot = snapshot(target.connection(), target.scope());
        Instant now = clock.instant();
        Optional<Listed> held = snapshot.heldWithin(target.tolerance(), now);
        if (held.isPresent()) {
            return held.get().list();
        }
        boolean audited = snapshot.held().map(u -> u.fullAt() != null
                && u.fullAt().plus(config.directory().audit()).isAfter(now)).orElse(false);
        if (audited && readChanges(target.connection(), target.provider(), snapshot, target.tolerance())) {
            held = snapshot.heldWithin(target.tolerance(), clock.instant());
            if (held.isPresent()) {
                return held.get().list();
            }
        }
        return users(target.connection(), target.provider(), target.scope(), target.tolerance());
    }

    /**
     * Brings the asking snapshot, and every other of the connection that is as recent, up to now from one list of
     * the users changed since; false where the provider has no such list.
     */
    private boolean readChanges(String connection, Provider provider, Snapshot<Listed> asking, Duration tolerance) {
        Feed feed = feeds.computeIfAbsent(connection, k -> new Feed());
        Set<String> changed = new HashSet<>();
        ReadTurns.take(feed.reading, "the users changed across the connection's customers");
        try {
            if (asking.heldWithin(tolerance, clock.instant()).isPresent()) {
                return true; // brought up to date by the read of another customer's user meanwhile
            }
            Instant askingAt = asking.readAt().orElseThrow();
            Instant since = feed.readAt == null || askingAt.isBefore(feed.readAt) ? askingAt : feed.readAt;
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
            // Only a snapshot read since `since` lacks nothing this list does not show.
            snapshots.forEach((key, snapshot) -> {
                if (key.connection().equals(connection)) {
                    snapshot.bringForward(since, now, held -> fold(held, byCustomer.getOrDefault(key.scope(),
                            List.of()), false, now, changed));
                }
            });
            feed.readAt = now;
        } finally {
            feed.reading.unlock();
        }
        changes.tell(changed);
        return true;
    }

    /** The customer's users, at most {@code maxAge} old. */
    public List<RemoteUser> users(String connection, Provider provider, CustomerScope scope, Duration maxAge) {
        Set<String> changed = new HashSet<>();
        Listed listed = snapshot(connection, scope).read(clock, "the users of customer " + scope.id(),
                Snapshot.within(maxAge), (held, readAt, now) -> {
                    boolean full = held == null || held.fullAt() == null
                            || held.fullAt().plus(config.directory().fullRefresh()).isBefore(now);
                    List<RemoteUser> fetched = provider.users().list(scope, full ? null : readAt.minus(SKEW));
                    return fold(held, fetched, full, now, changed);
                });
        changes.tell(changed);
        return listed.list();
    }

    /** The customer's users from a full list made now, whatever the snapshot's age. */
    public List<RemoteUser> refresh(String connection, Provider provider, CustomerScope scope) {
        Set<String> changed = new HashSet<>();
        Listed listed = snapshot(connection, scope).refresh(clock, "the users of customer " + scope.id(),
                (held, readAt, now) -> fold(held, provider.users().list(scope, null), true, now, changed));
        changes.tell(changed);
        return listed.list();
    }

    /**
     * A fetch put into what is held; adds to {@code changed} the IDs of known users it shows changed or (full list)
     * gone.
     */
    private static Listed fold(Listed held, List<RemoteUser> fetched, boolean full, Instant now, Set<String> changed) {
        Map<String, RemoteUser> byId = new LinkedHashMap<>(held == null || full ? Map.of() : held.byId());
        if (held != null) {
            for (RemoteUser s : fetched) {
                RemoteUser before = held.byId().get(s.id());
                if (before != null && !before.equals(s)) {
                    changed.add(s.id());
                }
            }
            if (full) {
                Set<String> present = new HashSet<>();
                fetched.forEach(s -> present.add(s.id()));
                held.byId().keySet().stream().filter(id -> !present.contains(id)).forEach(changed::add);
            }
        }
        fetched.forEach(s -> byId.put(s.id(), s));
        return new Listed(Collections.unmodifiableMap(byId), full ? now : held == null ? null : held.fullAt());
    }

    /** Folds in a user the operator just created or updated. */
    public void remember(String connection, CustomerScope scope, RemoteUser user) {
        snapshot(connection, scope).change(listed -> listed.with(byId -> {
            byId.put(user.id(), user);
            return byId;
        }));
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
        Snapshot<Listed> snapshot = snapshots.get(new Key(connection, scope));
        if (snapshot != null) {
            snapshot.change(listed -> listed.with(byId -> {
                byId.remove(userId);
                return byId;
            }));
        }
    }

    private Snapshot<Listed> snapshot(String connection, CustomerScope scope) {
        return snapshots.computeIfAbsent(new Key(connection, scope), k -> new Snapshot<>());
    }
}
