package dev.partnerhub.cli;

import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/**
 * Which cluster a command talks to: {@code --kubeconfig}, else {@code $KUBECONFIG}, else the local mode's
 * {@code .local/kubeconfig} when it exists, else {@code ~/.kube/config}.
 */
final class KubeconfigOption {

    @Option(names = "--kubeconfig", description = "Kubeconfig file (default: $KUBECONFIG, then .local/kubeconfig, "
            + "then ~/.kube/config).")
    Path kubeconfig;

    KubernetesClient client() {
        Path file = kubeconfig;
        if (file == null && System.getenv("KUBECONFIG") == null && Files.isRegularFile(Path.of(".local/kubeconfig"))) {
            file = Path.of(".local/kubeconfig");
        }
        if (file == null) {
            return new KubernetesClientBuilder().build();
        }
        try {
            return new KubernetesClientBuilder().withConfig(Config.fromKubeconfig(Files.readString(file))).build();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read kubeconfig " + file + ": " + e.getMessage(), e);
        }
    }
}
