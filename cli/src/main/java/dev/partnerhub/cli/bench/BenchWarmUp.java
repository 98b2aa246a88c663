package dev.partnerhub.cli.bench;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.IntFunction;
import java.util.stream.IntStream;

/**
 * Warms the bench's own side before the clock starts: the embedded Kubernetes API and the bench's client, which
 * stand in for an API server and a GitOps tool that would not share the operator's cores. Cold, they compile
 * their hot paths while the users are created: measured with JFR on this 2-core machine, the bench's JIT took
 * about one core for the first 25 s of a 1,000-user run, the creation slowed, and the operator waited for users to
 * take. The warm-up writes ConfigMaps (a kind the operator does not watch) in a namespace of their own, through
 * the same client, with a watch on them, then deletes them: the operator is not touched and stays as cold as a
 * freshly started one.
 */
final class BenchWarmUp {

    static final String NAMESPACE = "bench-warm-up";

    private BenchWarmUp() {
    }

    /** Creates, patches and deletes {@code objects} ConfigMaps with {@code threads} clients; returns the seconds. */
    static double run(KubernetesClient client, int objects, int threads) throws Exception {
        long start = System.nanoTime();
        client.resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE).endMetadata().build())
                .createOr(NonDeletingOperation::update);
        // An informer of its own, as the bench's and the operator's are: the watch events reach a client too.
        SharedIndexInformer<ConfigMap> watch = client.configMaps().inNamespace(NAMESPACE).inform();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            each(pool, objects, i -> client.resource(object(i)).create());
            each(pool, objects, i -> client.configMaps().inNamespace(NAMESPACE).withName(name(i)).edit(c -> {
                c.getData().put("state", "warm");
                return c;
            }));
            each(pool, objects, i -> client.configMaps().inNamespace(NAMESPACE).withName(name(i)).delete());
        } finally {
            pool.shutdownNow();
            watch.close();
        }
        return (System.nanoTime() - start) / 1e9;
    }

    /** One request for each of {@code objects}, on the pool, all awaited. */
    private static void each(ExecutorService pool, int objects, IntFunction<Object> request) throws Exception {
        OperatorBench.run(pool, IntStream.range(0, objects)
                .mapToObj(i -> (Callable<Object>) () -> request.apply(i)).toList());
    }

    /** About the size of a bench user: a few labels and fields. */
    private static ConfigMap object(int i) {
        return new ConfigMapBuilder().withNewMetadata().withNamespace(NAMESPACE).withName(name(i))
                .withLabels(Map.of("partnerhub.dev/bench", "warm-up")).endMetadata()
                .withData(Map.of("email", "u" + i + "@warm-up.example.com", "firstName", "User", "lastName", "U" + i,
                        "package", "webex_meetings"))
                .build();
    }

    private static String name(int i) {
        return "w" + i;
    }
}
