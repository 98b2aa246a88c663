package dev.partnerhub.cli.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.partnerhub.sandbox.HubSettings;
import dev.partnerhub.sandbox.LocalPartnerHub;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Everything the local mode runs: the local partner hub, an embedded Kubernetes API, the operator as a child
 * process pointed at both, the CRDs and the samples, and a kubeconfig for kubectl and hubctl.
 */
public final class LocalEnvironment implements AutoCloseable {

    /** Where things live and which ports they use; port 0 picks a free one. */
    public record Settings(int apiPort, int hubPort, Path kubeconfigOut, Path crds, Path samples, Path operatorJar,
            Path operatorLog) {
    }

    private final LocalPartnerHub hub;
    private final LocalKubernetesApi api;
    private final KubernetesClient client;
    private final Process operator;
    private final List<HasMetadata> applied;

    private LocalEnvironment(LocalPartnerHub hub, LocalKubernetesApi api, KubernetesClient client, Process operator,
            List<HasMetadata> applied) {
        this.hub = hub;
        this.api = api;
        this.client = client;
        this.operator = operator;
        this.applied = applied;
    }

    public static LocalEnvironment start(Settings settings) throws IOException {
        requireFile(settings.operatorJar(), "the operator is not built; run `mvn -DskipTests install` first");
        LocalPartnerHub hub;
        try {
            hub = LocalPartnerHub.start(HubSettings.defaults().withPort(settings.hubPort()));
        } catch (java.net.BindException e) {
            throw new IOException("port " + settings.hubPort() + " (--hub-port) is in use; is another `hubctl local` "
                    + "running?", e);
        }
        LocalKubernetesApi api = null;
        try {
            api = LocalKubernetesApi.start(settings.apiPort());
            KubernetesClient client = api.client();
            applyAll(client, yamlFiles(settings.crds()));
            writeKubeconfig(settings.kubeconfigOut(), api.url());
            Process operator = startOperator(settings, api.url());
            List<HasMetadata> applied = applyAll(client, yamlFiles(settings.samples()));
            return new LocalEnvironment(hub, api, client, operator, applied);
        } catch (IOException | RuntimeException e) {
            hub.close();
            if (api != null) {
                api.close();
            }
            throw e;
        }
    }

    public LocalPartnerHub hub() {
        return hub;
    }

    public String apiUrl() {
        return api.url();
    }

    public KubernetesClient client() {
        return client;
    }

    public List<HasMetadata> applied() {
        return applied;
    }

    public boolean operatorAlive() {
        return operator.isAlive();
    }

    @Override
    public void close() {
        operator.destroy();
        try {
            if (!operator.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
                operator.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            operator.destroyForcibly();
        }
        client.close();
        api.close();
        hub.close();
    }

    private static Process startOperator(Settings settings, String apiUrl) throws IOException {
        Files.createDirectories(settings.operatorLog().toAbsolutePath().getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", settings.operatorJar().toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(settings.operatorLog().toFile());
        Map<String, String> env = builder.environment();
        env.put("QUARKUS_KUBERNETES_CLIENT_API_SERVER_URL", apiUrl);
        env.put("QUARKUS_KUBERNETES_CLIENT_TRUST_CERTS", "true");
        env.put("QUARKUS_HTTP_PORT", "0");
        env.put("QUARKUS_OPERATOR_SDK_CRD_APPLY", "false");
        // A person trying the flows locally should not wait a minute for each step of a pending user.
        env.put("PARTNERHUB_POLLING_PENDING", "10s");
        env.remove("KUBECONFIG");
        return builder.start();
    }

    private static List<HasMetadata> applyAll(KubernetesClient client, List<Path> files) throws IOException {
        List<HasMetadata> applied = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = Files.newInputStream(file)) {
                for (HasMetadata item : client.load(in).items()) {
                    applied.add(client.resource(item).createOr(NonDeletingOperation::update));
                }
            }
        }
        return applied;
    }

    private static List<Path> yamlFiles(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir.toAbsolutePath() + " is not a directory; run hubctl from the project's root");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted()
                    .toList();
        }
    }

    private static void writeKubeconfig(Path out, String server) throws IOException {
        Map<String, Object> config = Map.of(
                "apiVersion", "v1",
                "kind", "Config",
                "clusters", List.of(Map.of("name", "partnerhub-local", "cluster", Map.of("server", server))),
                "users", List.of(Map.of("name", "partnerhub-local", "user", Map.of())),
                "contexts", List.of(Map.of("name", "partnerhub-local", "context", Map.of("cluster",
                        "partnerhub-local", "user", "partnerhub-local", "namespace", "partnerhub-demo"))),
                "current-context", "partnerhub-local");
        Files.createDirectories(out.toAbsolutePath().getParent());
        Files.writeString(out, new ObjectMapper(new YAMLFactory()).writeValueAsString(config));
    }

    private static void requireFile(Path file, String hint) {
        if (!Files.isRegularFile(file)) {
            throw new UncheckedIOException(new IOException(file.toAbsolutePath() + " is missing: " + hint));
        }
    }
}
