package dev.partnerhub.operator.provider;

import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.providers.spi.model.RemoteCustomer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;

/**
 * Observes converged customers in bulk: where the provider lists its customers, one paged list per connection serves
 * the resync of every customer of it, instead of one GET each. A customer missing from the list is asked for on its
 * own: it may have been made since the list was read, and only the provider says it is gone. The snapshots are keyed
 * by the connection's provider, which the registry makes again when the connection changes; an old one is dropped
 * with its provider.
 */
@ApplicationScoped
public class CustomerDirectory {

    private final Clock clock;
    /** A connection's customers by ID as last listed; empty where the provider lists none. */
    private final Map<Provider, Snapshot<Optional<Map<String, RemoteCustomer>>>> snapshots =
            Collections.synchronizedMap(new WeakHashMap<>());

    public CustomerDirectory(Clock clock) {
        this.clock = clock;
    }

    /** The customer as a list at most {@code maxAge} old shows it, or as the provider shows it now. */
    public Optional<RemoteCustomer> get(Provider provider, String customerId, Duration maxAge) {
        Optional<Map<String, RemoteCustomer>> listed = snapshots.computeIfAbsent(provider, p -> new Snapshot<>())
                .read(clock, "the connection's customers", Snapshot.within(maxAge),
                        (held, readAt, now) -> provider.customers().list().map(CustomerDirectory::byId));
        RemoteCustomer customer = listed.map(byId -> byId.get(customerId)).orElse(null);
        return customer != null ? Optional.of(customer) : provider.customers().get(customerId);
    }

    private static Map<String, RemoteCustomer> byId(List<RemoteCustomer> customers) {
        Map<String, RemoteCustomer> byId = new HashMap<>();
        customers.forEach(c -> byId.put(c.id(), c));
        return Collections.unmodifiableMap(byId);
    }
}
