package dev.partnerhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.marcnuri.helm.Helm;
import dev.partnerhub.e2e.kube.ControlPlane;
import dev.partnerhub.e2e.kube.RealKubernetes;
import dev.partnerhub.e2e.support.Project;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The chart's Deployment in a namespace where the API server enforces Pod Security "restricted": the pods of the
 * default values are admitted, and the same Deployment with host networking is refused, so the admission is on.
 */
@RealKubernetes
class PodSecurityOnRealApiTest {

    private static final String NAMESPACE = "restricted-operators";

    @Test
    void aRestrictedNamespaceAdmitsTheChartsPodsAndRefusesThemWithHostNetworking(ControlPlane plane) {
        KubernetesClient admin = plane.admin();
        admin.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(NAMESPACE)
                .withLabels(Map.of("pod-security.kubernetes.io/enforce", "restricted")).endMetadata().build()).create();

        admin.resource(deployment(plane, "defaults", Map.of())).create();
        await().atMost(Duration.ofSeconds(60)).until(() -> admin.pods().inNamespace(NAMESPACE)
                .withLabel("app.kubernetes.io/instance", "defaults").list().getItems().size() == 2);

        admin.resource(deployment(plane, "host-network", Map.of("hostNetwork", true))).create();
        String refusal = await().atMost(Duration.ofSeconds(60)).until(() -> admin.v1().events().inNamespace(NAMESPACE)
                .list().getItems().stream().filter(e -> "FailedCreate".equals(e.getReason()))
                .map(e -> e.getMessage()).filter(m -> m.contains("host-network")).findFirst().orElse(null),
                m -> m != null);
        assertThat(refusal).contains("violates PodSecurity \"restricted:latest\"").contains("hostNetwork=true");
        assertThat(admin.pods().inNamespace(NAMESPACE).withLabel("app.kubernetes.io/instance", "host-network").list()
                .getItems()).isEmpty();
    }

    /** The chart's main Deployment for a release, as Helm renders it with these values. */
    private static Deployment deployment(ControlPlane plane, String release, Map<String, Object> values) {
        var template = new Helm(Project.CHART).template().withName(release).withNamespace(NAMESPACE)
                .withKubeVersion(Project.KUBE_VERSION);
        values.forEach(template::set);
        String rendered = template.call();
        return plane.admin().load(new ByteArrayInputStream(rendered.getBytes(StandardCharsets.UTF_8))).items().stream()
                .filter(Deployment.class::isInstance).map(Deployment.class::cast).findFirst().orElseThrow();
    }
}
