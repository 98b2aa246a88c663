package dev.partnerhub.cli.bench;

import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.DeletionPolicy;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;

/**
 * The operator's side warmed before the clock starts ({@code --operator-warm-up}), as a running operator is when a
 * partner applies a thousand users, and as a throughput benchmark warms what it measures: one customer and its users
 * converge through the same operator, connection and hub, then go with {@code deletionPolicy: Orphan} (nothing is
 * deleted in the hub, so no deletion budget is spent). The bench's own figures start after it: its hub counters are
 * reset and the operator's CPU and reconciles counted from the clock.
 */
final class OperatorWarmUp {

    /** The prefix of the warm-up customer's name, apart from the measured ones ({@code c0000}...). */
    private static final String PREFIX = "w";

    private OperatorWarmUp() {
    }

    /** Converges {@code users} users of one customer and deletes them; returns the seconds it took. */
    static double run(KubernetesClient client, WatchedUsers watched, BenchOperators operators, int users,
            int threads, Duration limit) throws Exception {
        long start = System.nanoTime();
        HasMetadata customer = BenchObjects.customer(client, PREFIX, 0, DeletionPolicy.Orphan);
        List<HasMetadata> objects = IntStream.range(0, users)
                .mapToObj(u -> BenchObjects.user(client, PREFIX, 0, u, DeletionPolicy.Orphan)).toList();
        client.resource(customer).create();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            OperatorBench.run(pool, objects.stream()
                    .map(o -> (Callable<Object>) () -> client.resource(o).create()).toList());
        } finally {
            pool.shutdownNow();
        }
        awaitUntil(() -> watched.ready() == users, operators, limit, "the warm-up's users Ready");
        client.resourceList(objects).delete();
        client.resource(customer).delete();
        awaitUntil(() -> client.resources(CustomerUser.class).inNamespace(BenchObjects.NAMESPACE).list().getItems()
                .isEmpty() && client.resource(customer).get() == null, operators, limit, "the warm-up's objects gone");
        // The connection's token bucket full again before the clock: its burst is one second of its rate.
        Thread.sleep(2_000);
        return OperatorBench.seconds(start);
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    private static void awaitUntil(Condition condition, BenchOperators operators, Duration limit, String what)
            throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        while (!condition.holds()) {
            operators.checkAlive();
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("operator warm-up: not " + what + " after " + limit.toSeconds()
                        + " s:\n" + operators.processes().get(0).tail(30));
            }
            Thread.sleep(200);
        }
    }
}
