package dev.partnerhub.cli.bench;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.DeletionPolicy;
import dev.partnerhub.api.v1alpha1.PartnerConnection;
import dev.partnerhub.sandbox.HubAdminClient;
import dev.partnerhub.sandbox.HubSettings;
import dev.partnerhub.sandbox.Json;
import dev.partnerhub.sandbox.LocalPartnerHub;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code hubctl bench bulkhead}: a connection's users converging alone, then again while another connection's provider
 * answers every call only after {@code --latency}, with as many users of its own to create. Each connection is a
 * local hub of its own (its own counters). Prints both times and their ratio: the bulkhead holds when a slow
 * connection cannot take the threads the other needs.
 */
@Command(name = "bulkhead", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n", footer = {
            "  ./hubctl bench bulkhead"},
        description = "Users of one connection converging "
        + "alone, then beside a connection whose provider answers every call after --latency; prints both times.")
final class BulkheadBench implements Callable<Integer> {

    @Option(names = "--users", defaultValue = "200", description = "Users of each phase, on each connection. "
            + "Default: ${DEFAULT-VALUE}.")
    int users;

    @Option(names = "--latency", defaultValue = "25", description = "Seconds the slow provider takes to answer. "
            + "Default: ${DEFAULT-VALUE}.")
    int latency;

    @Mixin
    BenchTarget target;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (LocalPartnerHub fastHub = LocalPartnerHub.start(HubSettings.defaults().withPort(0));
                LocalPartnerHub slowHub = LocalPartnerHub.start(HubSettings.defaults().withPort(0));
                BenchApi api = target.startApi()) {
            KubernetesClient client = api.client();
            try (BenchOperators operators = BenchOperators.start(target.operatorJar, Path.of(".local"), 1,
                    api.operatorEnv()); WatchedUsers watched = new WatchedUsers(client)) {
                // Both connections at the CRD's default rate (5/s, burst 10): the slow one may hold 10 calls.
                BenchObjects.connection(client, fastHub.apiUrl(), 5).forEach(o -> client.resource(o).create());
                PartnerConnection slow = client.getKubernetesSerialization().convertValue(BenchObjects.connection(
                        client, slowHub.apiUrl(), 5).get(2), PartnerConnection.class);
                slow.getMetadata().setName("slow");
                slow.getSpec().getRateLimit().setBurst(10);
                client.resource(slow).create();
                client.resources(PartnerConnection.class).inNamespace(BenchObjects.NAMESPACE).withName("hub")
                        .edit(c -> {
                            c.getSpec().getRateLimit().setBurst(10);
                            return c;
                        });
                Customer slowCustomer = client.getKubernetesSerialization().convertValue(BenchObjects.customer(client,
                        "s", 0, DeletionPolicy.Orphan), Customer.class);
                slowCustomer.getSpec().getConnectionRef().setName("slow");
                client.resource(slowCustomer).create();
                awaitReady(client, operators, "s0000");

                out.printf("%d users of connection hub, rate 5/s, burst 10, on %s%n", users, api.name());
                double alone = converge(client, watched, operators, "a", 0, List.of());
                out.printf("alone                        %.1f s%n", alone);

                new HubAdminClient(slowHub.url()).addFault(Json.object().put("pathPrefix", "/v1/")
                        .put("latencyMs", latency * 1000L).put("seconds", 3600));
                List<HasMetadata> slowUsers = IntStream.range(0, users).mapToObj(u -> BenchObjects.user(client, "s",
                        0, u, DeletionPolicy.Orphan)).toList();
                double beside = converge(client, watched, operators, "b", 0, slowUsers);
                out.printf("beside a provider of %2d s    %.1f s (%.2f × alone); the slow provider received %d calls%n",
                        latency, beside, beside / alone, new HubAdminClient(slowHub.url()).requests().entrySet()
                                .stream().filter(e -> e.getKey().contains(" /v1/")).mapToLong(e -> e.getValue()).sum());
                out.flush();
            }
        }
        return 0;
    }

    /**
     * Creates customer {@code prefix}0000 of connection hub and its users (and the other objects given, at once);
     * returns the seconds until all its users are Ready.
     */
    private double converge(KubernetesClient client, WatchedUsers watched, BenchOperators operators, String prefix,
            int c, List<HasMetadata> alongside) throws Exception {
        long start = System.nanoTime();
        client.resource(BenchObjects.customer(client, prefix, c, DeletionPolicy.Orphan)).create();
        alongside.forEach(o -> client.resource(o).create());
        IntStream.range(0, users).forEach(u -> client.resource(BenchObjects.user(client, prefix, c, u,
                DeletionPolicy.Orphan)).create());
        List<String> names = IntStream.range(0, users).mapToObj(u -> String.format("%s%04d-u%03d", prefix, c, u))
                .toList();
        while (!names.stream().allMatch(n -> ready(watched.get(n)))) {
            operators.checkAlive();
            Thread.sleep(200);
        }
        return OperatorBench.seconds(start);
    }

    private static boolean ready(CustomerUser user) {
        return user != null && user.getStatus() != null && user.getStatus().getConditions().stream()
                .anyMatch(x -> x.getType().equals("Ready") && x.getStatus().equals("True"));
    }

    private static void awaitReady(KubernetesClient client, BenchOperators operators, String customer)
            throws InterruptedException {
        while (true) {
            Customer c = client.resources(Customer.class).inNamespace(BenchObjects.NAMESPACE).withName(customer).get();
            if (c != null && c.getStatus() != null && c.getStatus().getConditions().stream()
                    .anyMatch(x -> x.getType().equals("Ready") && x.getStatus().equals("True"))) {
                return;
            }
            operators.checkAlive();
            Thread.sleep(500);
        }
    }
}
