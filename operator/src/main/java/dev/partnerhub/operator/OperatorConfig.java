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

    Shard shard();

    Credentials credentials();

    Circuit circuit();

    /**
     * Each connection's circuit breaker: after {@code failures} calls in a row without a usable answer, the connection's
     * calls stop but for a trial now and then, from {@code firstWait} apart, doubling up to {@code longestWait}; an
     * outage longer than {@code quarantineAfter} is reported as Quarantined.
     */
    interface Circuit {
        @WithDefault("5")
        int failures();

        @WithDefault("5s")
        Duration firstWait();

        @WithDefault("60s")
        Duration longestWait();

        @WithDefault("1h")
        Duration quarantineAfter();
    }

    /** Credentials that renew themselves: an OAuth client and a refresh token. */
    interface Credentials {
        /** How long before its expiry an access token is renewed. */
        @WithDefault("5m")
        Duration renewBefore();

        /** How long before a refresh token runs out the connection says so (condition CredentialsExpiring). */
        @WithDefault("14d")
        Duration expiringWithin();
    }

    /**
     * This replica's share of the Customers, when several replicas share the work (each with its own Lease): the
     * Customers, CustomerUsers and LicenseAssignments it watches, and its part of each connection's budgets.
     */
    interface Shard {
        /**
         * A label selector on Customers, CustomerUsers and LicenseAssignments, for example
         * {@code partnerhub.dev/shard=eu}, or {@code !partnerhub.dev/shard} for the replica that takes the rest; a
         * user and its licences carry the label of their Customer. Default: every object.
         */
        Optional<String> selector();

        /** How many replicas share each connection: each takes this part of its rate limit and deletion budget. */
        @WithDefault("1")
        int count();

        /**
         * Whether this replica probes the PartnerConnections and writes their status; exactly one replica does. The
         * others read the connections and their Secrets all the same.
         */
        @WithDefault("true")
        boolean connections();
    }

    /** The framework's reconcile metrics on {@code /q/metrics}. */
    interface Metrics {
        /**
         * One series per resource name and namespace besides those per controller: at 10,000 users that is
         * hundreds of thousands of lines per scrape, so only for a debugging session.
         */
        @WithDefault("false")
        boolean perResource();

        /**
         * The resource gauges ({@code partnerhub_users}, ...) with a label {@code customer} besides the namespace:
         * one series per customer, so for partners with few customers, or a debugging session.
         */
        @WithDefault("false")
        boolean perCustomer();

        /** How often the resource gauges count the controllers' caches again. */
        @WithDefault("15s")
        Duration refresh();
    }

    /** How often each kind of wait looks at the provider again. */
    interface Polling {
        /** While the provider works asynchronously (provisioning, updating, deleting). */
        @WithDefault("2s")
        Duration inProgress();

        /** Upper bound of the backoff while the provider works asynchronously. */
        @WithDefault("30s")
        Duration inProgressMax();

        /**
         * How long a change the provider accepted (a customer's package list) may take to show before it is sent
         * again; each later wait is twice the one before, up to {@link #reapplyMax()}.
         */
        @WithDefault("2m")
        Duration reapply();

        /** Upper bound of the wait before an accepted change that does not show is sent again. */
        @WithDefault("30m")
        Duration reapplyMax();

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

    /** The per-customer snapshots (subscribers, people, licences) that feed every user of that customer. */
    interface Directory {
        /** A snapshot younger than this is used as is before a change is made. */
        @WithDefault("3s")
        Duration maxAge();

        /**
         * How old the lists may be that only look for drift (a converged user's resync, the Customer's undeclared
         * users): each customer's subscribers and people are read about once per this interval, for all its users,
         * and drift outside the operator is noticed within it. Between two full lists, only subscribers whose
         * status changed are fetched.
         */
        @WithDefault("10m")
        Duration fullRefresh();

        /**
         * Where the provider lists the users changed across all the partner's customers (Webex Wholesale), a drift
         * check reads that one list for every customer, and each customer's complete user list is read this often:
         * it alone shows a user deleted outside the operator whose person stays (a deleted user whose person goes is
         * noticed from the org's people list, read once per full refresh).
         */
        @WithDefault("1h")
        Duration audit();

        /**
         * How old an org's licence catalogue may be for a drift check: its names and IDs seldom change, and its seat
         * counts matter only when a licence is added, which reads it again first.
         */
        @WithDefault("1h")
        Duration catalogue();
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
