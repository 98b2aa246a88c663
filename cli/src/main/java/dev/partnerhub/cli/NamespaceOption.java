package dev.partnerhub.cli;

import io.fabric8.kubernetes.client.KubernetesClient;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Option;

/**
 * Which namespaces a command reads, as kubectl chooses: {@code -n NAME}, {@code -A} for every namespace, else the
 * namespace of the kubeconfig's context ({@code default} when it names none).
 */
public final class NamespaceOption {

    @ArgGroup(exclusive = true)
    Choice choice;

    static final class Choice {

        @Option(names = {"-n", "--namespace"}, description = "Only this namespace (default: the kubeconfig "
                + "context's namespace, as kubectl).")
        String namespace;

        @Option(names = {"-A", "--all-namespaces"}, description = "Every namespace.")
        boolean all;
    }

    /** The namespace to read, or null for every namespace. */
    public String of(KubernetesClient client) {
        if (choice == null) {
            return client.getNamespace() == null ? "default" : client.getNamespace();
        }
        return choice.all ? null : choice.namespace;
    }
}
