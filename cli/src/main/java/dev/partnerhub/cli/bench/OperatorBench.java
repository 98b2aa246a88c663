package dev.partnerhub.cli.bench;

import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.PartnerConnection;
import dev.partnerhub.sandbox.HubAdminClient;
import dev.partnerhub.sandbox.HubSettings;
import dev.partnerhub.sandbox.LocalPartnerHub;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hubctl bench operator}: the built operator, as a process of its own, against the local mode's Kubernetes
 * API and the local hub; N users over customers of 100 created with a parallel client; what convergence and one
 * steady-state resync cost, read from the hub's request counters, the operator's metrics and its process.
 */
@Command(name = "operator", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n", footer = {
            "  ./hubctl bench operator --users 10000 --heap 700m --resync 60s --resyncs 1"},
        description = "Runs the operator against the local "
        + "Kubernetes API and the local hub, creates --users users over customers of --per-customer, and prints the "
        + "time to Ready, provider calls, reconciles, CPU, memory and metrics size, then one steady-state resync.")
public final class OperatorBench implements Callable<Integer> {

    @Option(names = "--users", defaultValue = "1000", description = "How many users. Default: ${DEFAULT-VALUE}.")
    int users;

    @Option(names = "--per-customer", defaultValue = "100", description = "Users per customer. Default: "
            + "${DEFAULT-VALUE}.")
    int perCustomer;

    @Option(names = "--rate-limit", defaultValue = "1000", description = "The connection's requests per second (and "
            + "burst). Default: ${DEFAULT-VALUE}.")
    int rateLimit;

    @Option(names = "--resync", defaultValue = "60s", description = "The operator's resync interval, the length of "
            + "the steady-state window measured. Default: ${DEFAULT-VALUE}.")
    String resync;

    @Option(names = "--threads", defaultValue = "8", description = "Parallel creating clients. Default: "
            + "${DEFAULT-VALUE}.")
    int threads;

    @Option(names = "--shards", defaultValue = "1", description = "Operator processes that share the customers "
            + "(shard 0 takes the unlabelled ones, shard i those labelled partnerhub.dev/shard=s<i>) and the rate "
            + "limit. Default: ${DEFAULT-VALUE}.")
    int shards;

    @Option(names = "--resyncs", defaultValue = "3", description = "How many resync intervals the steady state is "
            + "measured over. Default: ${DEFAULT-VALUE}.")
    int resyncs;

    @Option(names = "--hold", description = "After the resync, keep the converged operator running this long (for "
            + "example 60m) and print its live heap every --every. Default: no.")
    String hold;

    @Option(names = "--every", defaultValue = "10m", description = "How often --hold prints. Default: "
            + "${DEFAULT-VALUE}.")
    String every;

    @Option(names = "--restart-for", description = "After the steady state, kill the operator (SIGKILL), start it "
            + "again and measure its provider calls for this long (for example 10m), under the hub's own limit of what "
            + "the connection allows in a second.")
    String restartFor;

    @Option(names = "--timeline", description = "Also print the hub's calls in each second while converging.")
    boolean timeline;

    @Option(names = "--warm-up", defaultValue = "2000", description = "ConfigMaps written before the clock starts, "
            + "to warm the embedded API and the bench's client (not the operator); 0: none. Default: "
            + "${DEFAULT-VALUE}.")
    int warmUp;

    @Option(names = "--operator-warm-up", defaultValue = "0", description = "Users of one customer the operator (the "
            + "first shard) converges, then deletes (orphaned in the hub), before the clock starts, so that it is "
            + "measured warm, as a running operator is; 0 (the default) measures it cold, just started.")
    int operatorWarmUp;

    @Option(names = "--heap", description = "The operator's maximum heap (-Xmx), for example 700m; default: the JVM's.")
    String heap;

    @Mixin
    BenchTarget target;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (operatorWarmUp < 0 || operatorWarmUp > 999) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--operator-warm-up: from 0 to 999 users "
                    + "(they are one customer's), not " + operatorWarmUp);
        }
        Duration window = duration(resync);
        int customers = (users + perCustomer - 1) / perCustomer;
        try (LocalPartnerHub hub = LocalPartnerHub.start(HubSettings.defaults().withPort(0));
                BenchApi api = target.startApi()) {
            KubernetesClient client = api.client();
            Map<String, String> env = new HashMap<>(api.operatorEnv());
            env.put("PARTNERHUB_POLLING_RESYNC", window.toSeconds() + "s");
            // As by default, drift is looked for once per resync: the window measures one of each.
            env.put("PARTNERHUB_DIRECTORY_FULL_REFRESH", window.toSeconds() + "s");
            if (heap != null) {
                env.put("JAVA_TOOL_OPTIONS", "-Xmx" + heap);
            }
            try (BenchOperators operators = BenchOperators.start(target.operatorJar, Path.of(".local"), shards,
                    env);
                    WatchedUsers watched = new WatchedUsers(client)) {
                HubAdminClient admin = new HubAdminClient(hub.url());
                BenchObjects.connection(client, hub.apiUrl(), rateLimit).forEach(o -> client.resource(o).create());
                awaitConnection(client, operators);
                if (warmUp > 0) {
                    out.printf("warmed the bench's side with %d ConfigMaps in %.1f s (before the clock starts)%n",
                            warmUp, BenchWarmUp.run(client, warmUp, threads));
                }
                if (operatorWarmUp > 0) {
                    out.printf("warmed the operator with %d users of one customer in %.1f s (converged, then deleted "
                            + "and orphaned in the hub; before the clock starts)%n", operatorWarmUp,
                            OperatorWarmUp.run(client, watched, operators, operatorWarmUp, threads,
                                    Duration.ofMinutes(10)));
                }
                List<HasMetadata> customerObjects = IntStream.range(0, customers)
                        .mapToObj(c -> BenchObjects.customer(client, c, shards)).toList();
                List<HasMetadata> userObjects = IntStream.range(0, users)
                        .mapToObj(i -> BenchObjects.user(client, i / perCustomer, i % perCustomer, shards)).toList();
                admin.resetRequests();
                double cpuBefore = operators.cpuSeconds();
                double reconcilesBefore = operators.counter("operator_sdk_reconciliations_started_total",
                        "CustomerUser");

                out.printf("%d users over %d customers, %d clients creating, rate limit %d/s, resync %s, heap %s, "
                        + "%d operator process%s, on %s%n", users, customers, threads, rateLimit, window,
                        heap == null ? "the JVM's default" : heap, shards, shards == 1 ? "" : "es (shards)",
                        api.name());
                out.flush();
                long start = System.nanoTime();
                create(client, customerObjects, userObjects);
                double created = seconds(start);
                double converged = awaitReady(watched, start, operators, out);
                Map<String, Long> byRoute = admin.requests();
                long calls = total(byRoute);
                double reconciles = operators.counter("operator_sdk_reconciliations_started_total", "CustomerUser")
                        - reconcilesBefore;
                out.printf("created in                  %.1f s%n", created);
                out.printf("all Ready after             %.1f s (from the first create)%n", converged);
                out.printf("provider calls per user     %.2f (%d calls)%n", (double) calls / users, calls);
                busiestRoutes(byRoute, out);
                out.printf("reconciles per user         %.1f%n", reconciles / users);
                out.printf("operator CPU                %.1f s%n", operators.cpuSeconds() - cpuBefore);
                for (int i = 0; i < shards; i++) {
                    ProcessProbe probe = operators.probes().get(i);
                    String metrics = probe.metrics();
                    out.printf("%-28s%d MB peak RSS, %d MB live heap after full GC, /q/metrics %d KB (%d lines)%n",
                            shards == 1 ? "operator" : "shard " + i, probe.peakRssMb(), probe.liveHeapMb(),
                            metrics.length() / 1024, metrics.lines().count());
                }
                double least = (double) calls / rateLimit;
                out.printf("time / least time the limit allows  %.2f (%.1f s / %.1f s)%n", converged / least,
                        converged, least);
                if (created > least * 0.9) {
                    // The operator cannot be faster than the users arrive: the ratio then measures the creation.
                    out.printf("  the users were created in %.1f s, %.2f × the least time: they came about as slowly as "
                            + "the limit allows or slower, so the ratio measures their creation as much as the "
                            + "operator%n", created, created / least);
                }
                SortedMap<Long, Long> perSecond = admin.requestsPerSecond();
                if (timeline && !perSecond.isEmpty()) {
                    printTimeline(perSecond, out);
                }
                for (HubRate.Window w : HubRate.windows(perSecond, rateLimit, rateLimit, 1, 10, 60)) {
                    out.printf("busiest %2d s at the hub     %d calls, the limit allows %.0f: %s%n", w.seconds(),
                            w.most(), w.allowed(), w.kept() ? "kept" : "EXCEEDED");
                }
                out.flush();
                SteadyState steady = new SteadyState(client, watched, admin, operators);
                long perResync = steady.measure(window, resyncs, out);
                if (restartFor != null) {
                    steady.restart(hub, rateLimit, rateLimit, duration(restartFor), window, perResync, out);
                }
                if (hold != null) {
                    steady.hold(duration(hold), duration(every), out);
                }
            }
        }
        return 0;
    }

    /** Creates the customers, then the users, with {@code --threads} clients (the objects built before the clock). */
    private void create(KubernetesClient client, List<HasMetadata> customers, List<HasMetadata> users)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            run(pool, customers.stream().map(o -> (Callable<Object>) () -> client.resource(o).create()).toList());
            run(pool, users.stream().map(o -> (Callable<Object>) () -> client.resource(o).create()).toList());
        } finally {
            pool.shutdownNow();
        }
    }

    /** Runs the tasks on the pool and waits for all; the first failure is thrown. */
    static void run(ExecutorService pool, List<Callable<Object>> tasks) throws Exception {
        for (Future<Object> f : pool.invokeAll(tasks)) {
            f.get();
        }
    }

    private double awaitReady(WatchedUsers watched, long start, BenchOperators operators, PrintWriter out)
            throws InterruptedException {
        long lastPrint = System.nanoTime();
        while (true) {
            long ready = watched.ready();
            if (ready == users) {
                return (watched.lastBecameReady() - start) / 1e9;
            }
            operators.checkAlive();
            if (seconds(lastPrint) > 15) {
                out.printf("  %.0f s: %d of %d Ready%n", seconds(start), ready, users);
                out.flush();
                lastPrint = System.nanoTime();
            }
            Thread.sleep(1000);
        }
    }

    /** The hub's calls in each second, from the clock time (UTC) of the first, to find a second in a log. */
    static void printTimeline(SortedMap<Long, Long> perSecond, PrintWriter out) {
        String from = LocalTime.ofSecondOfDay(perSecond.firstKey() % 86_400).format(DateTimeFormatter.ISO_LOCAL_TIME);
        out.printf("calls at the hub, second by second from %s UTC: %s%n", from, LongStream.rangeClosed(
                perSecond.firstKey(), perSecond.lastKey()).mapToObj(t -> String.valueOf(perSecond.getOrDefault(t, 0L)))
                .collect(Collectors.joining(" ")));
    }

    /** The provider routes called most, with their counts (the hub's admin routes left out). */
    static void busiestRoutes(Map<String, Long> calls, PrintWriter out) {
        calls.entrySet().stream().filter(e -> e.getKey().contains(" /v1/"))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
                .forEach(e -> out.printf("  %6d  %s%n", e.getValue(), e.getKey()));
    }

    private static void awaitConnection(KubernetesClient client, BenchOperators operators) throws Exception {
        long start = System.nanoTime();
        while (seconds(start) < 120) {
            PartnerConnection c = client.resources(PartnerConnection.class).inNamespace(BenchObjects.NAMESPACE)
                    .withName("hub").get();
            if (c.getStatus() != null && c.getStatus().getConditions().stream()
                    .anyMatch(x -> x.getType().equals("Ready") && x.getStatus().equals("True"))) {
                return;
            }
            operators.checkAlive();
            Thread.sleep(500);
        }
        throw new IllegalStateException("the connection is not Ready after 120 s:\n"
                + operators.processes().get(0).tail(30));
    }

    private static Duration duration(String text) {
        return Duration.parse("PT" + text.toUpperCase(java.util.Locale.ROOT));
    }

    static long total(Map<String, Long> requests) {
        return requests.entrySet().stream().filter(e -> e.getKey().contains(" /v1/")).mapToLong(Map.Entry::getValue)
                .sum();
    }

    static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }
}
