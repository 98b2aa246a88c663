package dev.partnerhub.operator.customer;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerStatus;
import dev.partnerhub.operator.OperatorConfig;
import dev.partnerhub.operator.status.Conditions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When each customer was last observed converged: until the resync interval has passed (or its spec changed), a
 * converged customer is not looked at again, so that events about its users cost no provider call.
 */
@ApplicationScoped
public class Observations {

    private final Map<String, Instant> lastObserved = new ConcurrentHashMap<>();
    private final OperatorConfig config;
    private final Clock clock;

    public Observations(OperatorConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Whether the customer, Ready for its spec, was observed within the resync interval. */
    boolean converged(Customer customer) {
        CustomerStatus status = customer.getStatus();
        Instant observed = lastObserved.get(customer.getMetadata().getUid());
        return status != null && observed != null && readyForItsSpec(customer, status)
                && observed.plus(config.polling().resync()).isAfter(clock.instant());
    }

    /** Whether the last reconcile left the customer Ready for its current spec. */
    static boolean readyForItsSpec(Customer customer, CustomerStatus status) {
        return Conditions.readyAt(status, customer.getMetadata().getGeneration());
    }

    /** How long until a converged customer's resync. */
    Duration untilResync(Customer customer) {
        Instant due = lastObserved.get(customer.getMetadata().getUid()).plus(config.polling().resync());
        return Duration.between(clock.instant(), due).plusSeconds(1);
    }

    /** The customer was observed converged now. */
    void observed(Customer customer) {
        lastObserved.put(customer.getMetadata().getUid(), clock.instant());
    }

    /** Forgets a customer's last observation: it is looked at next time, whatever its resync. */
    void forget(String uid) {
        lastObserved.remove(uid);
    }
}
