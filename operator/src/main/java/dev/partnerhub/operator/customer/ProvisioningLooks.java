package dev.partnerhub.operator.customer;

import dev.partnerhub.api.v1alpha1.Customer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When a customer the hub is still working on (provisioning, updating, deleting) is looked at again: when its backoff
 * says, not at every event of its users. Its users are created while it provisions, and each of their status changes
 * reconciles the Customer (to count them): at 100 users a customer, that was 3 to 4 reads of it where 1 or 2 do. A
 * spec change is looked at at once.
 */
@ApplicationScoped
class ProvisioningLooks {

    private record Due(Long generation, Instant at) {
    }

    private final Clock clock;
    private final Map<String, Due> due = new ConcurrentHashMap<>();

    ProvisioningLooks(Clock clock) {
        this.clock = clock;
    }

    /** How long until the customer is looked at again; null when it is due now (or nothing is waited for). */
    Duration untilDue(Customer customer) {
        Due next = due.get(customer.getMetadata().getUid());
        // Only once the customer's ID is recorded: a status write lost after the create is made again by a look.
        boolean recorded = customer.getStatus() != null && customer.getStatus().getCustomerId() != null;
        if (next == null || !recorded || !Objects.equals(next.generation(), customer.getMetadata().getGeneration())) {
            return null;
        }
        Duration left = Duration.between(clock.instant(), next.at());
        return left.isNegative() || left.isZero() ? null : left;
    }

    /** The hub works on the customer: it is looked at again after {@code after}; returns {@code after}. */
    Duration lookAfter(Customer customer, Duration after) {
        due.put(customer.getMetadata().getUid(), new Due(customer.getMetadata().getGeneration(),
                clock.instant().plus(after)));
        return after;
    }

    /** The hub is done with it (or the customer is gone): its next look is not held back. */
    void done(String uid) {
        due.remove(uid);
    }
}
