package dev.partnerhub.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.PartnerConnection;
import dev.partnerhub.sandbox.HubAdminClient;
import dev.partnerhub.sandbox.LocalPartnerHub;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** The operator once converged: what one resync costs, and whether its heap stays put while it keeps resyncing. */
final class SteadyState {

    private final KubernetesClient client;
    private final WatchedUsers users;
    private final HubAdminClient admin;
    private final BenchOperators operators;

    SteadyState(KubernetesClient client, WatchedUsers users, HubAdminClient admin, BenchOperators operators) {
        this.client = client;
        this.users = users;
        this.admin = admin;
        this.operators = operators;
    }

    /**
     * Resyncs after convergence: the provider calls and Kubernetes writes they make, over {@code resyncs} intervals
     * (so that lists read at the edges of one interval are not counted twice or missed), and per interval.
     */
    long measure(Duration window, int resyncs, PrintWriter out) throws Exception {
        // Ready users may still be taking their licences (a person shows in the org's list a little later):
        // the window starts once nothing has been written for ten seconds.
        long settling = System.nanoTime();
        Map<String, String> last = versions();
        for (Map<String, String> now = null; !last.equals(now) && OperatorBench.seconds(settling) < 300; ) {
            now = last;
            Thread.sleep(10_000);
            last = versions();
        }
        out.printf("settled (nothing written for 10 s) %.0f s after all were Ready%n",
                OperatorBench.seconds(settling) - 10);
        admin.resetRequests();
        Map<String, String> versions = versions();
        CustomerUser sample = users.get("c0000-u000");
        double cpu = operators.cpuSeconds();
        Thread.sleep(window.multipliedBy(resyncs).toMillis());
        List<String> changed = changedSince(versions);
        Map<String, Long> calls = admin.requests();
        long total = OperatorBench.total(calls);
        out.printf("steady state, %d resyncs of %s: %d provider calls (%.0f per resync), %d objects written in "
                + "Kubernetes, %.1f s CPU, live heap %s MB%n", resyncs, window, total, (double) total / resyncs,
                changed.size(), operators.cpuSeconds() - cpu, liveHeaps());
        OperatorBench.busiestRoutes(calls, out);
        if (!changed.isEmpty()) {
            out.printf("  written: %s%s%n", String.join(", ", changed.subList(0, Math.min(8, changed.size()))),
                    changed.size() > 8 ? ", ..." : "");
        }
        CustomerUser now = users.get("c0000-u000");
        if (!now.getMetadata().getResourceVersion().equals(sample.getMetadata().getResourceVersion())) {
            ObjectMapper mapper = new ObjectMapper();
            out.printf("  a user's status before: %s%n  after: %s%n", mapper.writeValueAsString(sample.getStatus()),
                    mapper.writeValueAsString(now.getStatus()));
        }
        out.flush();
        return total / resyncs;
    }

    /**
     * Kills the converged operator (SIGKILL) and starts it again, under the hub's own limit of what the connection's
     * token bucket allows in a second ({@code rate + burst}): the provider calls in {@code window} after, by route,
     * the complete user lists per customer, the 429s, the busiest second, the fewest users Ready and the objects
     * written, against one complete list per customer plus the steady resync.
     */
    void restart(LocalPartnerHub hub, int rate, int burst, Duration window, Duration resync, long perResync,
            PrintWriter out) throws Exception {
        Map<String, Integer> fullLists = new ConcurrentHashMap<>();
        AtomicBoolean counting = new AtomicBoolean();
        hub.addListener(e -> {
            if (counting.get() && e.method().equals("GET") && e.path().equals("/v1/wholesale/subscribers")
                    && e.query().containsKey("customerId") && !e.query().containsKey("lastStatusChange")) {
                fullLists.merge(e.query().get("customerId").get(0), 1, Integer::sum);
            }
        });
        admin.rateLimit(rate + burst);
        long limitedBefore = admin.faultsApplied().getOrDefault("429-limit", 0L);
        Map<String, String> versions = versions();
        admin.resetRequests();
        counting.set(true);
        long start = System.nanoTime();
        operators.restart(0);
        long fewestReady = users.ready();
        while (OperatorBench.seconds(start) < window.toSeconds()) {
            Thread.sleep(1000);
            operators.checkAlive();
            fewestReady = Math.min(fewestReady, users.ready());
        }
        counting.set(false);
        Map<String, Long> calls = admin.requests();
        long total = OperatorBench.total(calls);
        long customers = client.resources(Customer.class).inNamespace(BenchObjects.NAMESPACE).list().getItems().size();
        long resyncs = Math.max(1, window.toSeconds() / resync.toSeconds());
        out.printf("restarted (SIGKILL) at %d users: %d provider calls in the %s after; the steady state makes %d in "
                + "as long (%d per resync), and %d customers are read%n", users.ready(), total, window,
                perResync * resyncs, perResync, customers);
        OperatorBench.busiestRoutes(calls, out);
        out.printf("  complete user lists: %d, of %d customers, at most %d of one customer%n", fullLists.values()
                .stream().mapToInt(Integer::intValue).sum(), fullLists.size(), fullLists.values().stream()
                .mapToInt(Integer::intValue).max().orElse(0));
        out.printf("  429s at the hub's limit of %d/s: %d%n", rate + burst, admin.faultsApplied()
                .getOrDefault("429-limit", 0L) - limitedBefore);
        for (HubRate.Window w : HubRate.windows(admin.requestsPerSecond(), rate, burst, 1, 10)) {
            out.printf("  busiest %2d s at the hub %d calls, the limit allows %.0f: %s%n", w.seconds(), w.most(),
                    w.allowed(), w.kept() ? "kept" : "EXCEEDED");
        }
        out.printf("  fewest users Ready at any second: %d; objects written in Kubernetes: %d%n", fewestReady,
                changedSince(versions).size());
        admin.rateLimit(0);
        out.flush();
    }

    /** Keeps the converged operator running for {@code duration}; prints its live heap and work every {@code every}. */
    void hold(Duration duration, Duration every, PrintWriter out) throws Exception {
        long start = System.nanoTime();
        while (OperatorBench.seconds(start) < duration.toSeconds()) {
            admin.resetRequests();
            Map<String, String> versions = versions();
            double cpu = operators.cpuSeconds();
            Thread.sleep(Math.min(every.toMillis(), duration.toMillis() - (System.nanoTime() - start) / 1_000_000));
            operators.checkAlive();
            out.printf("  steady for %3.0f min: live heap %s MB, %d provider calls and %d objects written in the last "
                    + "%.0f min, %.1f s CPU%n", OperatorBench.seconds(start) / 60, liveHeaps(),
                    OperatorBench.total(admin.requests()), changedSince(versions).size(), every.toSeconds() / 60.0,
                    operators.cpuSeconds() - cpu);
            out.flush();
        }
    }

    private String liveHeaps() throws Exception {
        StringBuilder heaps = new StringBuilder();
        for (ProcessProbe probe : operators.probes()) {
            heaps.append(heaps.isEmpty() ? "" : " + ").append(probe.liveHeapMb());
        }
        return heaps.toString();
    }

    private List<String> changedSince(Map<String, String> versions) {
        return versions().entrySet().stream().filter(e -> !e.getValue().equals(versions.get(e.getKey())))
                .map(Map.Entry::getKey).sorted().toList();
    }

    private Map<String, String> versions() {
        Map<String, String> versions = users.versions();
        for (Class<? extends HasMetadata> kind : List.of(Customer.class, PartnerConnection.class)) {
            client.resources(kind).inNamespace(BenchObjects.NAMESPACE).list().getItems().forEach(o -> versions.put(
                    kind.getSimpleName() + "/" + o.getMetadata().getName(), o.getMetadata().getResourceVersion()));
        }
        return versions;
    }
}
