package dev.partnerhub.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.junit.jupiter.api.Test;

/**
 * The embedded API labels every namespace with its name, as kube-apiserver has since 1.21
 * ({@code kubernetes.io/metadata.name}), so that a PartnerConnection's allowedNamespaces selecting that label works
 * the same in the local mode as on a cluster.
 */
class NamespaceNameLabelTest {

    private static final String LABEL = "kubernetes.io/metadata.name";

    @Test
    void aNamespaceCreatedOrReplacedCarriesItsNameAsALabel() {
        try (LocalKubernetesApi api = LocalKubernetesApi.start(0); KubernetesClient client = api.client()) {
            client.resource(new NamespaceBuilder().withNewMetadata().withName("tenant-a").addToLabels("team", "a")
                    .endMetadata().build()).create();
            Namespace created = client.namespaces().withName("tenant-a").get();
            assertThat(created.getMetadata().getLabels()).containsEntry(LABEL, "tenant-a").containsEntry("team", "a");

            created.getMetadata().getLabels().remove(LABEL);
            created.getMetadata().getLabels().put(LABEL, "someone-else");
            client.resource(created).update();
            assertThat(client.namespaces().withName("tenant-a").get().getMetadata().getLabels())
                    .as("set back to the name, as the API server does").containsEntry(LABEL, "tenant-a");
        }
    }
}
