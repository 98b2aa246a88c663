package dev.partnerhub.operator.customer;

import dev.partnerhub.api.v1alpha1.AdminAccessLevel;
import dev.partnerhub.operator.OperatorConfig;
import dev.partnerhub.providers.spi.AdminAccess;
import dev.partnerhub.providers.spi.Feature;
import dev.partnerhub.providers.spi.Provider;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The partner's rights in a customer org ({@code status.adminAccess}). They change seldom (an administrator of the
 * org grants or withdraws them), and reading them costs two calls, so a customer reads them when first seen and
 * then once per {@code partnerhub.polling.admin-access}, not at every resync: at 100 customers the reads at each
 * resync were 200 of a steady-state resync's 1,182 calls.
 */
@ApplicationScoped
public class AdminAccessReader {

    private record Read(String orgId, AdminAccessLevel level, Instant at) {
    }

    private final OperatorConfig config;
    private final Clock clock;
    private final Map<String, Read> reads = new ConcurrentHashMap<>();

    public AdminAccessReader(OperatorConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** The partner's rights in the customer's org; unknown (null) when the provider cannot tell. */
    AdminAccessLevel of(String customerUid, Provider provider, String orgId) {
        if (orgId == null || !provider.capabilities().has(Feature.ADMIN_ACCESS)) {
            return null;
        }
        Read last = reads.get(customerUid);
        Instant now = clock.instant();
        if (last != null && last.orgId().equals(orgId) && last.at().plus(config.polling().adminAccess()).isAfter(now)) {
            return last.level();
        }
        AdminAccessLevel level = provider.customers().partnerAccess(orgId)
                .map(a -> a == AdminAccess.FULL_ADMIN ? AdminAccessLevel.FullAdmin : AdminAccessLevel.ProvisioningAdmin)
                .orElse(null);
        reads.put(customerUid, new Read(orgId, level, now));
        return level;
    }

    /** Forgets a deleted customer. */
    void forget(String customerUid) {
        reads.remove(customerUid);
    }
}
