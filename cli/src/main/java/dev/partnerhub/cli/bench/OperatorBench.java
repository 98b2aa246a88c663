package dev.partnerhub.cli.bench;

import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.PartnerConnection;
import dev.partnerhub.cli.local.LocalKubernetesApi;
import dev.partnerhub.cli.local.OperatorProcess;
import dev.partnerhub.cli.local.Samples;
import dev.partnerhub.sandbox.HubAdminClient;
import dev.partnerhub.sandbox.HubSettings;
import dev.partnerhub.sandbox.LocalPartnerHub;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hubctl bench operator}: the built operator, as a process of its own, against the local mode's Kubernetes
 * API and the local hub; N users over customers of 100 created with a parallel client; what convergence and one
 * steady-state resync cost, read from the hub's request counters, the operator's metrics and its process.
 */
@Command(name = "operator", mixinStandardHelpOptions = true, description = "Runs the operator against the local "
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

    @Option(names = "--heap", description = "The operator's maximum heap (-Xmx), for example 700m; default: the JVM's.")
    String heap;

    @Option(names = "--operator-jar", defaultValue = "operator/target/quarkus-app/quarkus-run.jar",
            description = "The built operator. Default: ${DEFAULT-VALUE}.")
    Path operatorJar;

    @Option(names = "--crds", defaultValue = "crds", description = "The CRD folder. Default: ${DEFAULT-VALUE}.")
    Path crds;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Duration window = Duration.parse("PT" + resync.toUpperCase(java.util.Locale.ROOT));
        int customers = (users + perCustomer - 1) / perCustomer;
        Path log = Path.of(".local", "bench-operator.log");
        int httpPort = freePort();
        try (LocalPartnerHub hub = LocalPartnerHub.start(HubSettings.defaults().withPort(0));
                LocalKubernetesApi api = LocalKubernetesApi.start(0);
                KubernetesClient client = api.client()) {
            for (Path file : Samples.files(crds)) {
                client.load(Files.newInputStream(file)).items().forEach(crd -> client.resource(crd).create());
            }
            Map<String, String> env = new HashMap<>(OperatorProcess.againstEmbeddedApi(api.url()));
            env.put("QUARKUS_HTTP_PORT", Integer.toString(httpPort));
            env.put("PARTNERHUB_POLLING_RESYNC", window.toSeconds() + "s");
            if (heap != null) {
                env.put("JAVA_TOOL_OPTIONS", "-Xmx" + heap);
            }
            try (OperatorProcess operator = OperatorProcess.start(operatorJar, log, env)) {
                ProcessProbe probe = new ProcessProbe(operator.pid(), httpPort);
                HubAdminClient admin = new HubAdminClient(hub.url());
                BenchObjects.connection(client, hub.apiUrl(), rateLimit).forEach(o -> client.resource(o).create());
                awaitConnection(client, operator);
                admin.resetRequests();
                double cpuBefore = probe.cpuSeconds();

                out.printf("%d users over %d customers, %d clients creating, rate limit %d/s, resync %s, heap %s%n",
                        users, customers, threads, rateLimit, window, heap == null ? "the JVM's default" : heap);
                out.flush();
                long start = System.nanoTime();
                create(client, customers);
                double created = seconds(start);
                double converged = awaitReady(client, start, out);
                long calls = total(admin.requests());
                String metrics = probe.metrics();
                double reconciles = ProcessProbe.counter(metrics, "operator_sdk_reconciliations_started_total",
                        "CustomerUser");
                out.printf("created in                  %.1f s%n", created);
                out.printf("all Ready after             %.1f s (from the first create)%n", converged);
                out.printf("provider calls per user     %.2f (%d calls)%n", (double) calls / users, calls);
                out.printf("reconciles per user         %.1f%n", reconciles / users);
                out.printf("operator CPU                %.1f s%n", probe.cpuSeconds() - cpuBefore);
                out.printf("peak RSS                    %d MB%n", probe.peakRssMb());
                out.printf("live heap after full GC     %d MB%n", probe.liveHeapMb());
                out.printf("/q/metrics                  %d KB, %d lines%n", metrics.length() / 1024,
                        metrics.lines().count());
                double least = (double) calls / rateLimit;
                out.printf("time / least time the limit allows  %.2f (%.1f s / %.1f s)%n", converged / least,
                        converged, least);
                out.flush();
                steadyState(client, admin, probe, window, out);
            }
        }
        return 0;
    }

    /** One resync window after convergence: the provider calls and Kubernetes writes it makes. */
    private void steadyState(KubernetesClient client, HubAdminClient admin, ProcessProbe probe, Duration window,
            PrintWriter out) throws Exception {
        // Ready users may still be taking their licences (a person shows in the org's list a little later):
        // the window starts once nothing has been written for ten seconds.
        long settling = System.nanoTime();
        Map<String, String> last = versions(client);
        for (Map<String, String> now = null; !last.equals(now) && seconds(settling) < 300; ) {
            now = last;
            Thread.sleep(10_000);
            last = versions(client);
        }
        out.printf("settled (nothing written for 10 s) %.0f s after all were Ready%n", seconds(settling) - 10);
        admin.resetRequests();
        Map<String, String> versions = versions(client);
        CustomerUser sample = client.resources(CustomerUser.class).inNamespace(BenchObjects.NAMESPACE)
                .withName("c0000-u000").get();
        double cpu = probe.cpuSeconds();
        Thread.sleep(window.plusSeconds(window.toSeconds() / 10 + 5).toMillis());
        Map<String, String> after = versions(client);
        List<String> changed = after.entrySet().stream().filter(e -> !e.getValue().equals(versions.get(e.getKey())))
                .map(Map.Entry::getKey).sorted().toList();
        long written = changed.size();
        Map<String, Long> calls = admin.requests();
        out.printf("one steady-state resync (%s): %d provider calls, %d objects written in Kubernetes, %.1f s CPU, "
                + "live heap %d MB%n", window, total(calls), written, probe.cpuSeconds() - cpu, probe.liveHeapMb());
        calls.entrySet().stream().filter(e -> e.getKey().contains(" /v1/"))
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(5)
                .forEach(e -> out.printf("  %6d  %s%n", e.getValue(), e.getKey()));
        if (!changed.isEmpty()) {
            out.printf("  written: %s%s%n", String.join(", ", changed.subList(0, Math.min(8, changed.size()))),
                    changed.size() > 8 ? ", ..." : "");
        }
        CustomerUser now = client.resources(CustomerUser.class).inNamespace(BenchObjects.NAMESPACE)
                .withName("c0000-u000").get();
        if (!now.getMetadata().getResourceVersion().equals(sample.getMetadata().getResourceVersion())) {
            var mapper = new com.fasterxml.jackson.databind.ObjectMapper();
            out.printf("  a user's status before: %s%n  after: %s%n", mapper.writeValueAsString(sample.getStatus()),
                    mapper.writeValueAsString(now.getStatus()));
        }
        out.flush();
    }

    private void create(KubernetesClient client, int customers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            run(pool, IntStream.range(0, customers).mapToObj(c -> (Callable<Object>) () -> client.resource(
                    BenchObjects.customer(client, c)).create()).toList());
            run(pool, IntStream.range(0, users).mapToObj(i -> (Callable<Object>) () -> client.resource(
                    BenchObjects.user(client, i / perCustomer, i % perCustomer)).create()).toList());
        } finally {
            pool.shutdownNow();
        }
    }

    private static void run(ExecutorService pool, List<Callable<Object>> tasks) throws Exception {
        for (Future<Object> f : pool.invokeAll(tasks)) {
            f.get();
        }
    }

    private double awaitReady(KubernetesClient client, long start, PrintWriter out) throws InterruptedException {
        long lastPrint = System.nanoTime();
        while (true) {
            long ready = client.resources(CustomerUser.class).inNamespace(BenchObjects.NAMESPACE).list().getItems()
                    .stream().filter(u -> u.getStatus() != null && u.getStatus().getConditions().stream()
                            .anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True"))).count();
            if (ready == users) {
                return seconds(start);
            }
            if (seconds(lastPrint) > 15) {
                out.printf("  %.0f s: %d of %d Ready%n", seconds(start), ready, users);
                out.flush();
                lastPrint = System.nanoTime();
            }
            Thread.sleep(1000);
        }
    }

    private static void awaitConnection(KubernetesClient client, OperatorProcess operator) throws Exception {
        long start = System.nanoTime();
        while (seconds(start) < 120) {
            PartnerConnection c = client.resources(PartnerConnection.class).inNamespace(BenchObjects.NAMESPACE)
                    .withName("hub").get();
            if (c.getStatus() != null && c.getStatus().getConditions().stream()
                    .anyMatch(x -> x.getType().equals("Ready") && x.getStatus().equals("True"))) {
                return;
            }
            if (!operator.isAlive()) {
                throw new IllegalStateException("the operator stopped:\n" + operator.tail(30));
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("the connection is not Ready after 120 s:\n" + operator.tail(30));
    }

    private static Map<String, String> versions(KubernetesClient client) {
        Map<String, String> versions = new HashMap<>();
        for (Class<? extends HasMetadata> kind : List.of(CustomerUser.class,
                dev.partnerhub.api.v1alpha1.Customer.class, PartnerConnection.class)) {
            client.resources(kind).inNamespace(BenchObjects.NAMESPACE).list().getItems().forEach(o -> versions.put(
                    kind.getSimpleName() + "/" + o.getMetadata().getName(), o.getMetadata().getResourceVersion()));
        }
        return versions;
    }

    private static long total(Map<String, Long> requests) {
        return requests.entrySet().stream().filter(e -> e.getKey().contains(" /v1/")).mapToLong(Map.Entry::getValue)
                .sum();
    }

    private static double seconds(long since) {
        return (System.nanoTime() - since) / 1e9;
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
