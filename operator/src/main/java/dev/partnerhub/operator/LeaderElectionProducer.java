package dev.partnerhub.operator;

import io.javaoperatorsdk.operator.api.config.LeaderElectionConfiguration;
import io.javaoperatorsdk.operator.api.config.LeaderElectionConfigurationBuilder;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Leader election: of the replicas running (two during every rolling upgrade), only the one holding the Lease
 * reconciles; the others watch and take over when it stops renewing. The framework uses it in the prod profile
 * (the tests' embedded API runs one operator).
 */
@ApplicationScoped
public class LeaderElectionProducer {

    private static final Logger LOG = Logger.getLogger(LeaderElectionProducer.class);

    /** Null (no leader election) when {@code partnerhub.leader-election.enabled} is false. */
    @Produces
    @Dependent
    LeaderElectionConfiguration leaderElection(OperatorConfig config) {
        OperatorConfig.LeaderElection settings = config.leaderElection();
        if (!settings.enabled()) {
            LOG.warn("Leader election is off: run one replica only, or two will act on the same resources");
            return null;
        }
        String identity = settings.identity().orElseGet(LeaderElectionProducer::defaultIdentity);
        LOG.infof("Leader election on Lease %s%s as %s", settings.leaseName(),
                settings.namespace().map(ns -> " in namespace " + ns).orElse(""), identity);
        return LeaderElectionConfigurationBuilder.aLeaderElectionConfiguration(settings.leaseName())
                .withLeaseNamespace(settings.namespace().orElse(null))
                .withIdentity(identity)
                .build();
    }

    /**
     * The pod's name (its host name) with a random suffix: unique even for two processes on one machine, which
     * would otherwise both believe they hold the lease.
     */
    private static String defaultIdentity() {
        String host = Optional.ofNullable(System.getenv("HOSTNAME")).filter(h -> !h.isBlank()).orElse("partnerhub");
        return host + "_" + UUID.randomUUID().toString().substring(0, 8);
    }
}
