package dev.partnerhub.operator.customer;

import dev.partnerhub.api.v1alpha1.AdminAccessLevel;
import dev.partnerhub.api.v1alpha1.CustomerStatus;
import dev.partnerhub.operator.OperatorConfig;
import dev.partnerhub.operator.provider.Snapshot;
import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.providers.spi.model.AdminAccess;
import dev.partnerhub.providers.spi.model.Feature;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The partner's rights in a customer org ({@code status.adminAccess}). They change seldom (an administrator of the
 * org grants or withdraws them), so they are read once per {@code partnerhub.polling.admin-access}, not at every
 * resync, and from one list of the partner's orgs that serves all the customers of a connection: at 100 customers,
 * one list per customer was 200 calls of the 12,000 that made 10,000 users. A customer whose org is not in a list
 * read before it first asked has the list read again (its org may have been provisioned since); one read after that
 * says the partner does not manage it.
 */
@ApplicationScoped
public class AdminAccessReader {

    /** What a customer was told, from the list read at {@code listedAt}; it first asked about this org at {@code asked}. */
    private record Read(String orgId, AdminAccess level, Instant listedAt, Instant asked) {
    }

    /** The partner's rights in its orgs as listed at {@code readAt}. */
    private record Listing(Map<String, AdminAccess> byOrg, Instant readAt) {
    }

    private final OperatorConfig config;
    private final Clock clock;
    private final Map<String, Read> reads = new ConcurrentHashMap<>();
    /** By the connection's provider, which the registry makes again when the connection changes. */
    private final Map<Provider, Snapshot<Listing>> listings = Collections.synchronizedMap(new WeakHashMap<>());

    public AdminAccessReader(OperatorConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Records the partner's rights in a customer's org in its status (neither when unknown). */
    void record(CustomerStatus status, String customerUid, Provider provider, String orgId) {
        AdminAccess access = of(customerUid, provider, orgId);
        status.setAdminAccess(access == null ? null
                : access.fullAdmin() ? AdminAccessLevel.FullAdmin : AdminAccessLevel.LimitedAdmin);
        status.setAdminRole(access == null ? null : access.role());
    }

    /** The partner's rights in the customer's org; unknown (null) when the provider cannot tell. */
    AdminAccess of(String customerUid, Provider provider, String orgId) {
        if (orgId == null || !provider.capabilities().has(Feature.ADMIN_ACCESS)) {
            return null;
        }
        Read last = reads.get(customerUid);
        Instant now = clock.instant();
        boolean sameOrg = last != null && last.orgId().equals(orgId);
        if (sameOrg && current(last.listedAt(), now)) {
            return last.level();
        }
        Instant asked = sameOrg ? last.asked() : now;
        Listing listing = listings.computeIfAbsent(provider, p -> new Snapshot<>()).read(clock,
                "the partner's rights in the connection's orgs", (held, readAt, at) -> usable(held, orgId, asked, at),
                (held, readAt, at) -> new Listing(provider.customers().partnerAccess(), at));
        AdminAccess level = listing.byOrg().get(orgId);
        Instant listedAt = listing.readAt();
        reads.put(customerUid, new Read(orgId, level, listedAt, asked));
        return level;
    }

    /**
     * Whether the listing in hand answers for the org: current, and read since the customer first asked if not in
     * it.
     */
    private boolean usable(Listing listing, String orgId, Instant asked, Instant now) {
        return current(listing.readAt(), now)
                && (listing.byOrg().containsKey(orgId) || !listing.readAt().isBefore(asked));
    }

    private boolean current(Instant readAt, Instant now) {
        return readAt.plus(config.polling().adminAccess()).isAfter(now);
    }

    /** Forgets a deleted customer. */
    void forget(String customerUid) {
        reads.remove(customerUid);
    }
}
