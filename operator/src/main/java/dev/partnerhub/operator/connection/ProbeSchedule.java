package dev.partnerhub.operator.connection;

import dev.partnerhub.api.v1alpha1.PartnerConnection;
import dev.partnerhub.operator.OperatorConfig;
import dev.partnerhub.operator.status.Conditions;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When a connection's authenticated probe is due: first, after a change of its spec or of its credentials Secret,
 * and then every probe interval (the blocked interval while it is not Ready). A connection is reconciled whenever
 * one of its Customers changes; those reconciles count the Customers but send the provider nothing.
 */
@ApplicationScoped
public class ProbeSchedule {

    private record Probe(Long generation, String secretVersion, Instant at) {
    }

    private final OperatorConfig config;
    private final Clock clock;
    private final Map<String, Probe> last = new ConcurrentHashMap<>();

    public ProbeSchedule(OperatorConfig config, Clock clock) {
        this.config = config;
        this.clock = clock;
    }

    /** Whether to probe now; {@code secretVersion} is the credentials Secret's resource version (null: absent). */
    boolean due(PartnerConnection connection, String secretVersion) {
        Probe probe = last.get(connection.getMetadata().getUid());
        if (probe == null || !Objects.equals(probe.generation(), connection.getMetadata().getGeneration())
                || !Objects.equals(probe.secretVersion(), secretVersion)) {
            return true;
        }
        Duration interval = Conditions.isTrue(connection.getStatus(), Conditions.READY) ? config.polling().probe()
                : config.polling().blocked();
        return !probe.at().plus(interval).isAfter(clock.instant());
    }

    /** Records a probe just made. */
    void probed(PartnerConnection connection, String secretVersion) {
        last.put(connection.getMetadata().getUid(), new Probe(connection.getMetadata().getGeneration(), secretVersion,
                clock.instant()));
    }

    /** When the next probe is due, for a reconcile that did not probe. */
    Duration untilDue(PartnerConnection connection) {
        Probe probe = last.get(connection.getMetadata().getUid());
        Duration interval = Conditions.isTrue(connection.getStatus(), Conditions.READY) ? config.polling().probe()
                : config.polling().blocked();
        Duration left = Duration.between(clock.instant(), probe.at().plus(interval));
        return left.isNegative() ? Duration.ZERO : left;
    }

    void forget(PartnerConnection connection) {
        last.remove(connection.getMetadata().getUid());
    }
}
