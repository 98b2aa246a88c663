package dev.partnerhub.operator.provider;

import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.providers.spi.RemoteCustomer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Observes converged customers in bulk: where the provider lists its customers, one paged list per connection serves
 * the resync of every customer of it, instead of one GET each. A customer missing from the list is asked for on its
 * own: it may have been made since the list was read, and only the provider says it is gone. The snapshots are keyed
 * by the connection's provider, which the registry makes again when the connection changes; an old one is dropped
 * with its provider.
 */
@ApplicationScoped
public class CustomerDirectory {

    /** A connection's customers as last read; its monitor guards them for moments ({@link ReadTurns}). */
    private static final class Snapshot {
        final ReentrantLock reading = new ReentrantLock();
        Map<String, RemoteCustomer> byId = Map.of();
        Instant fetchedAt;
    }

    private final Clock clock;
    private final Map<Provider, Snapshot> snapshots = Collections.synchronizedMap(new WeakHashMap<>());

    public CustomerDirectory(Clock clock) {
        this.clock = clock;
    }

    private boolean fresh(Snapshot snapshot, Duration maxAge) {
        synchronized (snapshot) {
            return snapshot.fetchedAt != null && !snapshot.fetchedAt.plus(maxAge).isBefore(clock.instant());
        }
    }

    /** The customer as a list at most {@code maxAge} old shows it, or as the provider shows it now. */
    public Optional<RemoteCustomer> get(Provider provider, String customerId, Duration maxAge) {
        Snapshot snapshot = snapshots.computeIfAbsent(provider, p -> new Snapshot());
        if (!fresh(snapshot, maxAge)) {
            ReadTurns.take(snapshot.reading, "the connection's customers");
            try {
                if (!fresh(snapshot, maxAge)) {
                    Instant now = clock.instant();
                    Optional<List<RemoteCustomer>> all = provider.customers().list();
                    if (all.isEmpty()) {
                        return provider.customers().get(customerId);
                    }
                    Map<String, RemoteCustomer> byId = new HashMap<>();
                    all.get().forEach(c -> byId.put(c.id(), c));
                    synchronized (snapshot) {
                        snapshot.byId = byId;
                        snapshot.fetchedAt = now;
                    }
                }
            } finally {
                snapshot.reading.unlock();
            }
        }
        RemoteCustomer listed;
        synchronized (snapshot) {
            listed = snapshot.byId.get(customerId);
        }
        return listed != null ? Optional.of(listed) : provider.customers().get(customerId);
    }
}
