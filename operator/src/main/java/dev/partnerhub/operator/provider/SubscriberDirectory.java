package dev.partnerhub.operator.provider;

import dev.partnerhub.operator.OperatorConfig;
import dev.partnerhub.providers.spi.CustomerScope;
import dev.partnerhub.providers.spi.ProvisioningProvider;
import dev.partnerhub.providers.spi.RemoteSubscriber;
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
 * Observes subscribers in bulk: one paged list per customer feeds every user of that customer, instead of
 * one GET per user per resync. Between full lists it asks only for subscribers whose status changed since the
 * last fetch; the operator's own writes are folded in at once. A fetch that finds a known subscriber changed or gone
 * (by someone else: the operator's own writes are already folded in) tells the listeners, so that the user that
 * recorded it is reconciled at once rather than at its next resync.
 */
@ApplicationScoped
public class SubscriberDirectory {

    /** Overlap of incremental fetches, so that a change stamped just before the last fetch is not missed. */
    private static final Duration SKEW = Duration.ofSeconds(2);

    private record Key(String connection, CustomerScope scope) {
    }

    private static final class Snapshot {
        final Map<String, RemoteSubscriber> byId = new LinkedHashMap<>();
        Instant fetchedAt;
        Instant fullAt;
    }

    private final OperatorConfig config;
    private final Clock clock;
    private final Map<Key, Snapshot> snapshots = new ConcurrentHashMap<>();
    private final List<Consumer<Set<String>>> listeners = new CopyOnWriteArrayList<>();

    public SubscriberDirectory(OperatorConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Listens to subscribers changed or gone outside the operator, by ID. */
    public void onChange(Consumer<Set<String>> listener) {
        listeners.add(listener);
    }

    /** The customer's subscribers, at most {@code directory.max-age} old. */
    public List<RemoteSubscriber> subscribers(String connection, ProvisioningProvider provider, CustomerScope scope) {
        Snapshot snapshot = snapshots.computeIfAbsent(new Key(connection, scope), k -> new Snapshot());
        Set<String> changed;
        List<RemoteSubscriber> result;
        synchronized (snapshot) {
            Instant now = clock.instant();
            if (snapshot.fetchedAt != null && !snapshot.fetchedAt.plus(config.directory().maxAge()).isBefore(now)) {
                return List.copyOf(snapshot.byId.values());
            }
            boolean full = snapshot.fullAt == null || snapshot.fullAt.plus(config.directory().fullRefresh()).isBefore(now);
            List<RemoteSubscriber> fetched = provider.listSubscribers(scope, full ? null : snapshot.fetchedAt.minus(SKEW));
            changed = fold(snapshot, fetched, full, now);
            result = List.copyOf(snapshot.byId.values());
        }
        tell(changed);
        return result;
    }

    /** The customer's subscribers from a full list made now, whatever the snapshot's age. */
    public List<RemoteSubscriber> refresh(String connection, ProvisioningProvider provider, CustomerScope scope) {
        Snapshot snapshot = snapshots.computeIfAbsent(new Key(connection, scope), k -> new Snapshot());
        Set<String> changed;
        List<RemoteSubscriber> result;
        synchronized (snapshot) {
            changed = fold(snapshot, provider.listSubscribers(scope, null), true, clock.instant());
            result = List.copyOf(snapshot.byId.values());
        }
        tell(changed);
        return result;
    }

    /** Puts a fetch into the snapshot; returns the IDs of known subscribers it shows changed or (full list) gone. */
    private static Set<String> fold(Snapshot snapshot, List<RemoteSubscriber> fetched, boolean full, Instant now) {
        boolean known = snapshot.fetchedAt != null;
        Set<String> changed = new HashSet<>();
        for (RemoteSubscriber s : fetched) {
            RemoteSubscriber before = snapshot.byId.get(s.id());
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

    /** Folds in a subscriber the operator just created or updated. */
    public void remember(String connection, CustomerScope scope, RemoteSubscriber subscriber) {
        Snapshot snapshot = snapshots.computeIfAbsent(new Key(connection, scope), k -> new Snapshot());
        synchronized (snapshot) {
            snapshot.byId.put(subscriber.id(), subscriber);
        }
    }

    /** Drops a subscriber the operator just deleted. */
    public void forget(String connection, CustomerScope scope, String subscriberId) {
        Snapshot snapshot = snapshots.get(new Key(connection, scope));
        if (snapshot != null) {
            synchronized (snapshot) {
                snapshot.byId.remove(subscriberId);
            }
        }
    }
}
