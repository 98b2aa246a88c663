package dev.partnerhub.cli.bench;

import dev.partnerhub.cli.local.LocalKubernetesApi;
import dev.partnerhub.cli.local.OperatorProcess;
import dev.partnerhub.cli.local.Samples;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The Kubernetes API of a benchmark: the local mode's embedded mock, or a real API server named by a kubeconfig
 * (for example the one {@code ../shared/tools/real-kube/up.sh} starts). The CRDs are applied either way.
 */
final class BenchApi implements AutoCloseable {

    private final LocalKubernetesApi embedded;
    private final KubernetesClient client;
    private final Map<String, String> operatorEnv;
    private final String name;

    private BenchApi(LocalKubernetesApi embedded, KubernetesClient client, Map<String, String> operatorEnv,
            String name) {
        this.embedded = embedded;
        this.client = client;
        this.operatorEnv = operatorEnv;
        this.name = name;
    }

    static BenchApi start(Path kubeconfig, Path crds) throws IOException {
        BenchApi api;
        if (kubeconfig == null) {
            LocalKubernetesApi embedded = LocalKubernetesApi.start(0);
            api = new BenchApi(embedded, embedded.client(), OperatorProcess.againstEmbeddedApi(embedded.url()),
                    "the embedded mock API");
        } else {
            KubernetesClient client = new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(
                    Files.readString(kubeconfig))).build();
            api = new BenchApi(null, client, Map.of("KUBECONFIG", kubeconfig.toAbsolutePath().toString(),
                    "QUARKUS_OPERATOR_SDK_CRD_APPLY", "false", "PARTNERHUB_LEADER_ELECTION_ENABLED", "false"),
                    "the API server " + client.getMasterUrl() + " (Kubernetes " + client.getKubernetesVersion()
                            .getGitVersion() + ")");
        }
        api.applyCrds(crds);
        return api;
    }

    KubernetesClient client() {
        return client;
    }

    /** What the operator needs to reach this API alone (no Lease to contend for). */
    Map<String, String> operatorEnv() {
        return operatorEnv;
    }

    String name() {
        return name;
    }

    private void applyCrds(Path crds) throws IOException {
        for (Path file : Samples.files(crds)) {
            List<HasMetadata> items = client.load(Files.newInputStream(file)).items();
            for (HasMetadata crd : items) {
                client.resource(crd).createOr(NonDeletingOperation::update);
                if (embedded == null) {
                    client.resources(CustomResourceDefinition.class).withName(crd.getMetadata().getName())
                            .waitUntilCondition(c -> c.getStatus() != null && c.getStatus().getConditions() != null
                                    && c.getStatus().getConditions().stream()
                                    .anyMatch(x -> x.getType().equals("Established")
                                            && x.getStatus().equals("True")), 60, TimeUnit.SECONDS);
                }
            }
        }
    }

    @Override
    public void close() {
        client.close();
        if (embedded != null) {
            embedded.close();
        }
    }
}
