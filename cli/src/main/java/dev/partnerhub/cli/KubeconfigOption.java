package dev.partnerhub.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import picocli.CommandLine.Option;

/**
 * Which cluster a command talks to, as kubectl chooses: {@code --kubeconfig}, else {@code $KUBECONFIG}, else the local
 * mode's {@code .local/kubeconfig} (in the project, where the repository's wrapper says it is with
 * {@code HUBCTL_PROJECT}) when it exists, else {@code ~/.kube/config}; its current context, or {@code --context}.
 */
public final class KubeconfigOption {

    @Option(names = "--kubeconfig", description = "Kubeconfig file (default: $KUBECONFIG, then .local/kubeconfig, "
            + "then ~/.kube/config).")
    Path kubeconfig;

    @Option(names = "--context", description = "The kubeconfig context to use (default: its current context).")
    String context;

    public KubernetesClient client() {
        return build(config());
    }

    /** The namespace of the chosen context, {@code default} when it names none (kubectl's default namespace). */
    public String namespace() {
        String namespace = config().getNamespace();
        return namespace == null ? "default" : namespace;
    }

    private Config config() {
        Path file = kubeconfig;
        Path local = Path.of(Objects.requireNonNullElse(System.getenv("HUBCTL_PROJECT"), "."), ".local", "kubeconfig");
        if (file == null && System.getenv("KUBECONFIG") == null && Files.isRegularFile(local)) {
            file = local;
        }
        if (file == null) {
            return chosen(Config.autoConfigure(context), "the kubeconfig ($KUBECONFIG or ~/.kube/config)");
        }
        try {
            Files.readString(file);
            return chosen(Config.fromKubeconfig(context, file.toFile()), "kubeconfig " + file);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new UncheckedIOException("kubeconfig " + file + " does not exist; start `./hubctl local` or pass "
                    + "--kubeconfig", e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read kubeconfig " + file + ": " + e.getMessage(), e);
        }
    }

    /** The config, if it is the context asked for: Fabric8 falls back to the current one where kubectl refuses. */
    private Config chosen(Config config, String where) {
        if (context != null && (config.getCurrentContext() == null
                || !context.equals(config.getCurrentContext().getName()))) {
            throw new IllegalArgumentException("--context " + context + ": " + where + " has no such context");
        }
        return config;
    }

    /** A person is waiting: one quick retry, not the client's minute-long backoff for an API server that is down. */
    private static KubernetesClient build(Config config) {
        config.setRequestRetryBackoffLimit(1);
        config.setConnectionTimeout(5_000);
        return new KubernetesClientBuilder().withConfig(config).build();
    }
}
