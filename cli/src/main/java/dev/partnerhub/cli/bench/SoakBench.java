package dev.partnerhub.cli.bench;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partnerhub.cli.local.OperatorProcess;
import dev.partnerhub.sandbox.HubAdminClient;
import dev.partnerhub.sandbox.HubSettings;
import dev.partnerhub.sandbox.Json;
import dev.partnerhub.sandbox.LocalPartnerHub;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hubctl bench soak}: the operator as two replicas under leader election, against a hub that fails a share of
 * every call (429 with Retry-After in each form, 5xx, replies lost after the call was done, bodies that stall), while
 * the leader is killed (SIGKILL) twice and a new replica started each time. Prints what the soak exists to show: every
 * user converged, no duplicate or leaked object at the hub, no recorded ID lost, and the hub never above the
 * connection's limit in any second.
 */
@Command(name = "soak", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n", footer = {
            "  ./hubctl bench soak"},
        description = "Runs two operator replicas against a local "
        + "hub that fails a share of calls, kills the leader twice, and prints users converged, duplicates, leaked "
        + "objects, IDs lost, faults met, calls per user, time to converge and the busiest second at the hub.")
public final class SoakBench implements Callable<Integer> {

    static final String LEASE = "partnerhub-operator";

    @Option(names = "--users", defaultValue = "1000", description = "How many users. Default: ${DEFAULT-VALUE}.")
    int users;

    @Option(names = "--customers", defaultValue = "20", description = "Over how many customers. Default: "
            + "${DEFAULT-VALUE}.")
    int customers;

    @Option(names = "--rate-limit", defaultValue = "50", description = "The connection's requests per second (and "
            + "burst). Default: ${DEFAULT-VALUE}.")
    int rateLimit;

    @Option(names = "--retry-after", defaultValue = "1", description = "The Retry-After of the 429s, in whole "
            + "seconds; sent as N, N.5 and the HTTP-date of the second after N, in turn. Each 429 pauses the whole "
            + "connection that long, so it sets the pace of the soak. Default: ${DEFAULT-VALUE}.")
    int retryAfter;

    @Option(names = "--seed", defaultValue = "1", description = "The seed of the hub's fault draws. Default: "
            + "${DEFAULT-VALUE}.")
    long seed;

    @Option(names = "--timeout", defaultValue = "60m", description = "How long the users may take to converge. "
            + "Default: ${DEFAULT-VALUE}.")
    String timeout;

    @Mixin
    BenchTarget target;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        int perCustomer = (users + customers - 1) / customers;
        try (LocalPartnerHub hub = LocalPartnerHub.start(HubSettings.defaults().withPort(0));
                BenchApi api = target.startApi();
                Replicas replicas = new Replicas(target.operatorJar, env(api))) {
            KubernetesClient client = api.client();
            HubAdminClient admin = new HubAdminClient(hub.url());
            BenchObjects.connection(client, hub.apiUrl(), rateLimit).forEach(o -> client.resource(o).create());
            replicas.start();
            replicas.start();
            List<HasMetadata> customerObjects = IntStream.range(0, customers)
                    .mapToObj(c -> BenchObjects.customer(client, c, 1)).toList();
            List<HasMetadata> userObjects = IntStream.range(0, users)
                    .mapToObj(i -> BenchObjects.user(client, i / perCustomer, i % perCustomer, 1)).toList();
            try (WatchedUsers watched = new WatchedUsers(client); RecordedIds ids = new RecordedIds(client)) {
                out.printf("%d users over %d customers, rate limit %d/s, 429s with Retry-After %d s, two replicas "
                        + "under leader election, on %s%n", users, customers, rateLimit, retryAfter, api.name());
                injectFaults(admin);
                admin.resetRequests();
                long start = System.nanoTime();
                create(client, customerObjects, userObjects);
                List<String> events = new ArrayList<>();
                boolean converged = awaitConverged(client, watched, replicas, start, events, out);
                double seconds = (watched.lastBecameReady() - start) / 1e9;
                admin.clearFaults();
                SoakFigures figures = SoakFigures.read(admin, client, users, rateLimit);
                events.forEach(e -> out.println("  " + e));
                figures.print(out, watched.ready(), converged ? seconds : -1, ids.lost());
                out.flush();
                return converged && figures.clean() && ids.lost().isEmpty() ? 0 : 1;
            }
        }
    }

    /** The operator's settings: the API's, leader election on (the Lease in the bench's namespace). */
    private static Map<String, String> env(BenchApi api) {
        Map<String, String> env = new HashMap<>(api.operatorEnv());
        env.put("PARTNERHUB_LEADER_ELECTION_ENABLED", "true");
        env.put("PARTNERHUB_LEADER_ELECTION_NAMESPACE", BenchObjects.NAMESPACE);
        env.put("PARTNERHUB_LEADER_ELECTION_LEASE_NAME", LEASE);
        return env;
    }

    /**
     * 20 % of the calls answered 429 (Retry-After in whole seconds, decimal seconds or an HTTP-date, in turn),
     * 5 % 503, 5 % done but their reply lost, 2 % with a body that stalls for 3 s; each a share of all calls (the
     * hub tries the faults in order, so each later share is of the calls the earlier ones left).
     */
    private void injectFaults(HubAdminClient admin) {
        ObjectNode limited = Json.object().put("status", 429).put("retryAfterSeconds", retryAfter)
                .put("retryAfterForm", "mixed")
                .put("rate", 0.20).put("seconds", 86_400).put("seed", seed);
        admin.addFault(limited);
        admin.addFault(Json.object().put("status", 503).put("rate", 0.05 / 0.80).put("seconds", 86_400));
        admin.addFault(Json.object().put("lostReply", true).put("rate", 0.05 / 0.75).put("seconds", 86_400));
        admin.addFault(Json.object().put("stallMs", 3_000).put("rate", 0.02 / 0.70).put("seconds", 86_400));
    }

    private static void create(KubernetesClient client, List<HasMetadata> customers, List<HasMetadata> users)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            OperatorBench.run(pool, customers.stream().map(o -> (Callable<Object>) () -> client.resource(o).create())
                    .toList());
            OperatorBench.run(pool, users.stream().map(o -> (Callable<Object>) () -> client.resource(o).create())
                    .toList());
        } finally {
            pool.shutdownNow();
        }
    }

    /**
     * Waits for every user to be Ready; the leader is killed when a quarter and when 60 % of them are, and a new
     * replica started each time, so that the other replica takes over twice.
     */
    private boolean awaitConverged(KubernetesClient client, WatchedUsers watched, Replicas replicas, long start,
            List<String> events, PrintWriter out) throws Exception {
        long deadline = start + Duration.parse("PT" + timeout.toUpperCase(java.util.Locale.ROOT)).toNanos();
        double[] killAt = {0.25, 0.60};
        int kills = 0;
        String leader = null;
        long lastPrint = System.nanoTime();
        while (System.nanoTime() < deadline) {
            long ready = watched.ready();
            String holder = holder(client);
            if (holder != null && !holder.equals(leader)) {
                events.add(String.format("%5.0f s: %s leads", OperatorBench.seconds(start), holder));
                leader = holder;
            }
            if (ready == users) {
                return true;
            }
            replicas.checkAlive();
            if (kills < killAt.length && ready >= killAt[kills] * users && leader != null
                    && replicas.kill(leader)) {
                events.add(String.format("%5.0f s: %s killed (SIGKILL) at %d of %d Ready; %s started",
                        OperatorBench.seconds(start), leader, ready, users, replicas.start()));
                kills++;
            }
            if (OperatorBench.seconds(lastPrint) > 15) {
                out.printf("  %.0f s: %d of %d Ready%n", OperatorBench.seconds(start), ready, users);
                out.flush();
                lastPrint = System.nanoTime();
            }
            Thread.sleep(500);
        }
        return false;
    }

    private static String holder(KubernetesClient client) {
        Lease lease = client.leases().inNamespace(BenchObjects.NAMESPACE).withName(LEASE).get();
        return lease == null || lease.getSpec() == null ? null : lease.getSpec().getHolderIdentity();
    }

    /** The operator replicas, each named by its identity in the Lease. */
    private static final class Replicas implements AutoCloseable {

        private final Path jar;
        private final Map<String, String> env;
        private final Map<String, OperatorProcess> running = new java.util.concurrent.ConcurrentHashMap<>();
        private int started;

        Replicas(Path jar, Map<String, String> env) {
            this.jar = jar;
            this.env = env;
            // A soak stopped by Ctrl-C leaves no operator behind.
            Runtime.getRuntime().addShutdownHook(new Thread(this::close));
        }

        /** Starts one more replica; returns its identity. */
        String start() throws java.io.IOException {
            String identity = "soak-replica-" + ++started;
            Map<String, String> all = new HashMap<>(env);
            all.put("PARTNERHUB_LEADER_ELECTION_IDENTITY", identity);
            all.put("QUARKUS_HTTP_PORT", "0");
            running.put(identity, OperatorProcess.start(jar, Path.of(".local", identity + ".log"), all));
            return identity;
        }

        /** Kills a replica with SIGKILL: no shutdown hook, no Lease released. */
        boolean kill(String identity) {
            OperatorProcess process = running.remove(identity);
            if (process == null) {
                return false;
            }
            process.kill();
            return true;
        }

        /** Throws with the log's tail when a replica stopped that was not killed. */
        void checkAlive() {
            running.forEach((identity, process) -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException(identity + " stopped:\n" + process.tail(30));
                }
            });
        }

        @Override
        public synchronized void close() {
            running.values().forEach(OperatorProcess::close);
            running.clear();
        }
    }
}
