package dev.partnerhub.operator;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** The operator's own settings ({@code partnerhub.*}); framework settings stay under {@code quarkus.*}. */
@ConfigMapping(prefix = "partnerhub")
public interface OperatorConfig {

    Polling polling();

    Directory directory();

    LeaderElection leaderElection();

    Metrics metrics();

    /** The framework's reconcile metrics on {@code /q/metrics}. */
    interface Metrics {
        /**
         * One series per resource name and namespace besides those per controller: at 10,000 users that is
         * hundreds of thousands of lines per scrape, so only for a debugging session.
         */
        @WithDefault("false")
        boolean perResource();
    }

    /** How often each kind of wait looks at the provider again. */
    interface Polling {
        /** While the provider works asynchronously (provisioning, updating, deleting). */
        @WithDefault("2s")
        Duration inProgress();

        /** Upper bound of the backoff while the provider works asynchronously. */
        @WithDefault("30s")
        Duration inProgressMax();

        /** While a person must act (pending email input, validation, consent): slow, never a retry. */
        @WithDefault("60s")
        Duration pending();

        /** How long the partner's rights in a customer org are taken as read (they change seldom). */
        @WithDefault("1h")
        Duration adminAccess();

        /** Resynchronisation of converged objects, to notice drift in the provider. */
        @WithDefault("10m")
        Duration resync();

        /** Authenticated probe of each PartnerConnection. */
        @WithDefault("5m")
        Duration probe();

        /** While something outside the operator's reach is missing (a Secret, a connection). */
        @WithDefault("30s")
        Duration blocked();
    }

    /** The per-customer subscriber snapshot that feeds every user of that customer. */
    interface Directory {
        /** A snapshot younger than this is used as is. */
        @WithDefault("3s")
        Duration maxAge();

        /** Between two full lists, only subscribers whose status changed are fetched. */
        @WithDefault("5m")
        Duration fullRefresh();
    }

    /** Only the replica holding the Lease reconciles. */
    interface LeaderElection {
        /** Off only where one process runs alone (the local mode's in-memory API). */
        @WithDefault("true")
        boolean enabled();

        @WithDefault("partnerhub-operator")
        String leaseName();

        /** The Lease's namespace; default: the operator's own in a cluster (the chart sets it), else the kubeconfig's. */
        Optional<String> namespace();

        /** This replica's name in the Lease; default: its host name (the pod's name) and a random suffix. */
        Optional<String> identity();
    }
}
