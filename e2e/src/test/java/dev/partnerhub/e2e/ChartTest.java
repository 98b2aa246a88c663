package dev.partnerhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.LintResult;
import com.marcnuri.helm.TemplateCommand;
import dev.partnerhub.e2e.support.Project;
import dev.partnerhub.e2e.support.RestrictedPodSecurity;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.Role;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The chart as Helm renders it, without a cluster: it lints, its schema refuses what it does not know, every pod it
 * makes meets Pod Security "restricted", its CRDs are the committed ones, and each setting lands where it says.
 * (ChartOnRealApiTest installs it on a real API server.)
 */
class ChartTest {

    @Test
    void itLintsAndItsDefaultsMakeTwoRestrictedReplicasWithTheirRbacCrdsAndDisruptionBudget() {
        LintResult lint = new Helm(Project.CHART).lint().strict().call();
        assertThat(lint.isFailed()).as(String.join("\n", lint.getMessages())).isFalse();

        List<HasMetadata> objects = render(t -> t);
        assertThat(objects).extracting(HasMetadata::getKind).containsExactlyInAnyOrder("ServiceAccount",
                "ClusterRole", "ClusterRoleBinding", "Role", "RoleBinding", "Service", "Deployment",
                "PodDisruptionBudget", "CustomResourceDefinition", "CustomResourceDefinition",
                "CustomResourceDefinition", "CustomResourceDefinition");
        Deployment deployment = only(objects, Deployment.class);
        assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
        assertThat(RestrictedPodSecurity.violations(deployment.getSpec().getTemplate().getSpec())).isEmpty();
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .isEqualTo("docker.io/partnerhub/partnerhub-operator:0.1.0-SNAPSHOT");
        assertThat(env(deployment)).containsEntry("PARTNERHUB_LEADER_ELECTION_LEASE_NAME", "partnerhub-operator")
                .containsEntry("QUARKUS_OPERATOR_SDK_CONTROLLERS_CUSTOMERUSER_NAMESPACES", "JOSDK_ALL_NAMESPACES")
                .containsEntry("PARTNERHUB_SHARD_COUNT", "1").containsEntry("PARTNERHUB_SHARD_SELECTOR", "")
                .containsEntry("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "false");
        PodDisruptionBudget budget = only(objects, PodDisruptionBudget.class);
        assertThat(budget.getSpec().getSelector().getMatchLabels())
                .isEqualTo(deployment.getSpec().getSelector().getMatchLabels());
    }

    @Test
    void theCheckOfRestrictedFindsWhatAPodSecurityAdmissionRefuses() {
        Deployment hostNetwork = only(render(t -> t.set("hostNetwork", true)
                .set("securityContext.allowPrivilegeEscalation", true)), Deployment.class);
        assertThat(RestrictedPodSecurity.violations(hostNetwork.getSpec().getTemplate().getSpec()))
                .containsExactlyInAnyOrder("spec.hostNetwork must not be true",
                        "container operator: securityContext.allowPrivilegeEscalation must be false");
    }

    @Test
    void theSchemaRefusesAnUnknownKeyAndAValueOfTheWrongType() {
        assertThatThrownBy(() -> render(t -> t.set("replicas", 3))).hasMessageContaining("replicas")
                .hasMessageContaining("additional properties");
        assertThatThrownBy(() -> render(t -> t.set("image.tags", "1.0"))).hasMessageContaining("tags");
        assertThatThrownBy(() -> render(t -> t.set("replicaCount", "two"))).hasMessageContaining("replicaCount")
                .hasMessageContaining("integer");
        assertThatThrownBy(() -> render(t -> t.set("logFormat", "xml"))).hasMessageContaining("logFormat");
        assertThatThrownBy(() -> render(t -> t.set("watchNamespaces[0]", "Not_A_Namespace")))
                .hasMessageContaining("watchNamespaces");
    }

    @Test
    void theCrdsAreTheCommittedOnesKeptOnUninstallAndCanBeLeftToTheUser() {
        List<CustomResourceDefinition> crds = render(t -> t).stream()
                .filter(CustomResourceDefinition.class::isInstance).map(CustomResourceDefinition.class::cast).toList();
        for (CustomResourceDefinition crd : crds) {
            assertThat(crd.getMetadata().getAnnotations()).containsEntry("helm.sh/resource-policy", "keep");
            CustomResourceDefinition committed = committed(crd.getMetadata().getName());
            assertThat(crd.getSpec()).as(crd.getMetadata().getName()).isEqualTo(committed.getSpec());
        }
        assertThat(crds).hasSize(4);
        assertThat(render(t -> t.set("crds.keep", false)).stream().filter(CustomResourceDefinition.class::isInstance)
                .map(o -> o.getMetadata().getAnnotations())).allSatisfy(a -> assertThat(a)
                        .doesNotContainKey("helm.sh/resource-policy"));
        assertThat(render(t -> t.set("crds.enabled", false))).noneMatch(CustomResourceDefinition.class::isInstance);
        assertThatThrownBy(() -> render(t -> t.set("crds.install", false))).as("the name before cert-manager's")
                .hasMessageContaining("install").hasMessageContaining("additional properties");
    }

    @Test
    void watchNamespacesMakesARoleInEachAndAClusterRoleOnlyToReadNamespaces() {
        List<HasMetadata> objects = render(t -> t.set("watchNamespaces[0]", "team-a").set("watchNamespaces[1]",
                "team-b"));
        ClusterRole namespaces = only(objects, ClusterRole.class);
        assertThat(namespaces.getRules()).singleElement().satisfies(rule -> {
            assertThat(rule.getResources()).containsExactly("namespaces");
            assertThat(rule.getVerbs()).containsExactly("list", "watch");
        });
        assertThat(objects.stream().filter(Role.class::isInstance).map(o -> o.getMetadata().getNamespace()))
                .containsExactlyInAnyOrder("team-a", "team-b", "partnerhub-system");
        assertThat(env(only(objects, Deployment.class)))
                .containsEntry("QUARKUS_OPERATOR_SDK_CONTROLLERS_CUSTOMER_NAMESPACES", "team-a,team-b");
    }

    @Test
    void eachShardIsADeploymentWithItsSelectorLeaseBudgetShareAndDisruptionBudget() {
        List<HasMetadata> objects = render(t -> t.set("shards[0]", "eu").set("shards[1]", "us"));
        List<Deployment> deployments = objects.stream().filter(Deployment.class::isInstance)
                .map(Deployment.class::cast).toList();
        assertThat(deployments).extracting(d -> d.getMetadata().getName())
                .containsExactly("partnerhub-operator", "partnerhub-operator-eu", "partnerhub-operator-us");
        assertThat(env(deployments.get(0))).containsEntry("PARTNERHUB_SHARD_SELECTOR", "!partnerhub.dev/shard")
                .containsEntry("PARTNERHUB_SHARD_COUNT", "3").doesNotContainKey("PARTNERHUB_SHARD_CONNECTIONS");
        assertThat(env(deployments.get(2))).containsEntry("PARTNERHUB_SHARD_SELECTOR", "partnerhub.dev/shard=us")
                .containsEntry("PARTNERHUB_SHARD_COUNT", "3").containsEntry("PARTNERHUB_SHARD_CONNECTIONS", "false")
                .containsEntry("PARTNERHUB_LEADER_ELECTION_LEASE_NAME", "partnerhub-operator-us");
        // No Deployment's selector takes another's pods.
        for (Deployment d : deployments) {
            Map<String, String> selector = d.getSpec().getSelector().getMatchLabels();
            assertThat(deployments.stream().filter(other -> other.getSpec().getTemplate().getMetadata().getLabels()
                    .entrySet().containsAll(selector.entrySet()))).containsExactly(d);
        }
        assertThat(objects.stream().filter(PodDisruptionBudget.class::isInstance)).hasSize(3);
    }

    @Test
    void theServiceMonitorLogFormatExtraEnvAndPlacementLandWhereTheySay() {
        List<HasMetadata> objects = render(t -> t.set("metrics.serviceMonitor.enabled", true)
                .set("metrics.serviceMonitor.labels.release", "prometheus").set("logFormat", "json")
                .set("extraEnv[0].name", "PARTNERHUB_POLLING_RESYNC").set("extraEnv[0].value", "5m")
                .set("extraEnv[1].name", "PARTNERHUB_RATE").set("extraEnv[1].value", 5)
                .set("nodeSelector.kubernetes\\.io/os", "linux").set("priorityClassName", "system-cluster-critical")
                .set("image.digest", "sha256:" + "a".repeat(64)).set("replicaCount", 1));
        HasMetadata monitor = objects.stream().filter(o -> o.getKind().equals("ServiceMonitor")).findFirst()
                .orElseThrow();
        assertThat(monitor.getMetadata().getLabels()).containsEntry("release", "prometheus");
        Deployment deployment = only(objects, Deployment.class);
        assertThat(env(deployment)).containsEntry("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true")
                .containsEntry("PARTNERHUB_POLLING_RESYNC", "5m").as("a number, as an EnvVar's string")
                .containsEntry("PARTNERHUB_RATE", "5");
        assertThat(deployment.getSpec().getTemplate().getSpec().getNodeSelector()).containsEntry("kubernetes.io/os",
                "linux");
        assertThat(deployment.getSpec().getTemplate().getSpec().getPriorityClassName())
                .isEqualTo("system-cluster-critical");
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getImage())
                .endsWith("@sha256:" + "a".repeat(64));
        assertThat(objects).as("one replica: no disruption budget to keep")
                .noneMatch(PodDisruptionBudget.class::isInstance);
    }

    @Test
    void theDashboardAndTheAlertsShipBehindTheirValuesAsTheFilesTheMetricsTestChecks() throws Exception {
        assertThat(render(t -> t)).as("off by default").noneMatch(o -> o.getKind().equals("PrometheusRule")
                || o.getKind().equals("ConfigMap"));
        List<HasMetadata> objects = render(t -> t.set("metrics.grafanaDashboard.enabled", true)
                .set("metrics.grafanaDashboard.namespace", "monitoring").set("metrics.prometheusRule.enabled", true)
                .set("metrics.prometheusRule.labels.release", "prometheus").set("metrics.perCustomer", true));
        io.fabric8.kubernetes.api.model.ConfigMap dashboard = only(objects,
                io.fabric8.kubernetes.api.model.ConfigMap.class);
        assertThat(dashboard.getMetadata().getNamespace()).isEqualTo("monitoring");
        assertThat(dashboard.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
        Path chartFiles = Project.CHART.resolve("files");
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(dashboard.getData()
                .get("partnerhub-operator.json"))).isEqualTo(new com.fasterxml.jackson.databind.ObjectMapper()
                .readTree(read(chartFiles.resolve("grafana/partnerhub-operator.json"))));
        HasMetadata rule = objects.stream().filter(o -> o.getKind().equals("PrometheusRule")).findFirst()
                .orElseThrow();
        assertThat(rule.getMetadata().getLabels()).containsEntry("release", "prometheus");
        Object groups = ((io.fabric8.kubernetes.api.model.GenericKubernetesResource) rule).getAdditionalProperties()
                .get("spec");
        assertThat(Serialization.asJson(groups)).isEqualTo(Serialization.asJson(Map.of("groups",
                Serialization.unmarshal(read(chartFiles.resolve("alerts/partnerhub-operator.rules.yaml")),
                        List.class))));
        assertThat(env(only(objects, Deployment.class))).containsEntry("PARTNERHUB_METRICS_PER_CUSTOMER", "true");
    }

    private static List<HasMetadata> render(UnaryOperator<TemplateCommand> settings) {
        String rendered = settings.apply(new Helm(Project.CHART).template().withName(Project.RELEASE)
                .withNamespace("partnerhub-system").withKubeVersion(Project.KUBE_VERSION)).call();
        return Arrays.stream(rendered.split("(?m)^---\\s*$")).map(String::strip)
                .filter(doc -> doc.lines().anyMatch(l -> l.startsWith("kind:")))
                .map(doc -> (HasMetadata) Serialization.unmarshal(doc)).toList();
    }

    private static <T> T only(List<HasMetadata> objects, Class<T> kind) {
        List<T> found = objects.stream().filter(kind::isInstance).map(kind::cast).toList();
        assertThat(found).hasSize(1);
        return found.get(0);
    }

    private static Map<String, String> env(Deployment deployment) {
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().stream()
                .filter(e -> e.getValue() != null).collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue));
    }

    private static CustomResourceDefinition committed(String name) {
        try (Stream<Path> files = Files.list(Project.CRDS)) {
            return files.map(ChartTest::read).map(yaml -> Serialization.unmarshal(yaml, CustomResourceDefinition.class))
                    .filter(crd -> crd.getMetadata().getName().equals(name)).findFirst().orElseThrow();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
