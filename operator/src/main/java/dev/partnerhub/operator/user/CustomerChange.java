package dev.partnerhub.operator.user;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerStatus;
import dev.partnerhub.operator.status.Conditions;
import java.util.Map;

/**
 * Which changes of a Customer its users must hear of: what a user's reconcile reads of it (its spec, whether it is
 * Ready or going away, its IDs in the provider, how it was created). Not its tallies: a Customer's status changes
 * with every user it counts, and waking all its users for each of those made O(users²) reconciles per customer.
 */
final class CustomerChange {

    private record Seen(Long generation, String deletion, String ready, String readyReason, String customerId,
            String orgId, String providerStatus, Map<String, String> createdWith) {
    }

    private CustomerChange() {
    }

    static boolean mattersToUsers(Customer before, Customer after) {
        return !seen(before).equals(seen(after));
    }

    private static Seen seen(Customer c) {
        CustomerStatus s = c.getStatus();
        return new Seen(c.getMetadata().getGeneration(), c.getMetadata().getDeletionTimestamp(),
                Conditions.find(s == null ? null : s.getConditions(), Conditions.READY).map(x -> x.getStatus())
                        .orElse(null), Conditions.reason(s, Conditions.READY), s == null ? null : s.getCustomerId(),
                s == null ? null : s.getOrgId(), s == null ? null : s.getProviderStatus(),
                s == null ? null : s.getCreatedWith());
    }
}
