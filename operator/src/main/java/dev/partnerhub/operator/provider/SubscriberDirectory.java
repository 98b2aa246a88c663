package dev.partnerhub.operator.provider;

import dev.partnerhub.operator.OperatorConfig;
import dev.partnerhub.provider.CustomerScope;
import dev.partnerhub.provider.ProvisioningProvider;
import dev.partnerhub.provider.RemoteSubscriber;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Observes subscribers in bulk: one paged list per customer feeds every user of that customer, instead of
 * one GET per user per resync. Between full lists it asks only for subscribers whose status changed since the
 * last fetch; the operator's own writes are folded in at once.
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

    public SubscriberDirectory(OperatorConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** The customer's subscribers, at most {@code directory.max-age} old. */
    public List<RemoteSubscriber> subscribers(String connection, ProvisioningProvider provider, CustomerScope scope) {
        Snapshot snapshot = snapshots.computeIfAbsent(new Key(connection, scope), k -> new Snapshot());
        synchronized (snapshot) {
            Instant now = clock.instant();
            if (snapshot.fetchedAt == null || snapshot.fetchedAt.plus(config.directory().maxAge()).isBefore(now)) {
                boolean full = snapshot.fullAt == null
                        || snapshot.fullAt.plus(config.directory().fullRefresh()).isBefore(now);
                List<RemoteSubscriber> fetched = provider.listSubscribers(scope,
                        full ? null : snapshot.fetchedAt.minus(SKEW));
                if (full) {
                    snapshot.byId.clear();
                    snapshot.fullAt = now;
                }
                fetched.forEach(s -> snapshot.byId.put(s.id(), s));
                snapshot.fetchedAt = now;
            }
            return List.copyOf(snapshot.byId.values());
        }
    }

    /** The customer's subscribers from a full list made now, whatever the snapshot's age. */
    public List<RemoteSubscriber> refresh(String connection, ProvisioningProvider provider, CustomerScope scope) {
        Snapshot snapshot = snapshots.computeIfAbsent(new Key(connection, scope), k -> new Snapshot());
        synchronized (snapshot) {
            List<RemoteSubscriber> fetched = provider.listSubscribers(scope, null);
            snapshot.byId.clear();
            fetched.forEach(s -> snapshot.byId.put(s.id(), s));
            snapshot.fetchedAt = clock.instant();
            snapshot.fullAt = snapshot.fetchedAt;
            return List.copyOf(snapshot.byId.values());
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
