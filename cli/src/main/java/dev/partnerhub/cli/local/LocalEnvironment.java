package dev.partnerhub.cli.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.partnerhub.sandbox.HubSettings;
import dev.partnerhub.sandbox.LocalPartnerHub;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.NonDeletingOperation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

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
    private final OperatorProcess operator;
    private final List<HasMetadata> applied;

    private LocalEnvironment(LocalPartnerHub hub, LocalKubernetesApi api, KubernetesClient client, OperatorProcess operator,
            List<HasMetadata> applied) {
        this.hub = hub;
        this.api = api;
        this.client = client;
        this.operator = operator;
        this.applied = applied;
    }

    public static LocalEnvironment start(Settings settings) throws IOException {
        LocalPartnerHub hub = startHub(settings.hubPort());
        LocalKubernetesApi api = null;
        try {
            api = LocalKubernetesApi.start(settings.apiPort());
            KubernetesClient client = api.client();
            applyAll(client, Samples.files(settings.crds()), text -> text);
            writeKubeconfig(settings.kubeconfigOut(), api.url());
            Map<String, String> env = new HashMap<>(OperatorProcess.againstEmbeddedApi(api.url()));
            // A person trying the flows locally should not wait a minute for each step of a pending user...
            env.put("PARTNERHUB_POLLING_PENDING", "10s");
            // ...nor five minutes for a change made in the hub behind the operator's back to show.
            env.put("PARTNERHUB_DIRECTORY_FULL_REFRESH", "20s");
            // ...nor for a revoked sign-in to show on its connection.
            env.put("PARTNERHUB_POLLING_PROBE", "30s");
            OperatorProcess operator = OperatorProcess.start(settings.operatorJar(), settings.operatorLog(), env);
            List<HasMetadata> applied = applyAll(client, Samples.files(settings.samples()),
                    text -> Samples.retarget(text, hub.apiUrl()));
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

    public OperatorProcess operator() {
        return operator;
    }

    @Override
    public void close() {
        operator.close();
        client.close();
        api.close();
        hub.close();
    }

    private static LocalPartnerHub startHub(int port) throws IOException {
        try {
            return LocalPartnerHub.start(HubSettings.defaults().withPort(port));
        } catch (java.net.BindException e) {
            throw new IOException("port " + port + " (--hub-port) is in use; is another `hubctl local` running?", e);
        }
    }

    private static List<HasMetadata> applyAll(KubernetesClient client, List<Path> files, UnaryOperator<String> edit)
            throws IOException {
        List<HasMetadata> applied = new ArrayList<>();
        for (Path file : files) {
            try (InputStream in = new ByteArrayInputStream(edit.apply(Files.readString(file))
                    .getBytes(StandardCharsets.UTF_8))) {
                for (HasMetadata item : client.load(in).items()) {
                    applied.add(client.resource(item).createOr(NonDeletingOperation::update));
                }
            }
        }
        return applied;
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
}
