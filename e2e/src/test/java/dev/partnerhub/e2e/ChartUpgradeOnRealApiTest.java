package dev.partnerhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.marcnuri.helm.Helm;
import dev.partnerhub.e2e.kube.ControlPlane;
import dev.partnerhub.e2e.kube.RealKubernetes;
import dev.partnerhub.e2e.support.Project;
import dev.partnerhub.e2e.support.SchemaExample;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * {@code helm upgrade} from the previous chart (quarkus-helm's, whose CRDs sat in {@code crds/}, where Helm installs
 * them once and never upgrades them) to this one on a real API server: a resource of each kind holding every field
 * its previous CRD defines, spec and status, comes through unchanged, and the field the new CRDs add is kept once
 * they are installed (pruned before). The steps are docs/running-on-a-cluster.md's "Upgrading"; the test shows that Helm refuses without
 * each of them.
 */
@RealKubernetes
class ChartUpgradeOnRealApiTest {

    /** The chart as it stood before status.licensesBasis (commit e49b56e^), as quarkus-helm generated it. */
    private static final Path PREVIOUS = Path.of("src/test/resources/previous-release/partnerhub-operator")
            .toAbsolutePath();
    private static final String NAMESPACE = "partnerhub-system";
    private static final String DATA = "upgrade-data";
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void upgradingFromThePreviousChartKeepsEveryFieldAndTheStatusOfEveryResource(ControlPlane plane)
            throws Exception {
        new Helm(PREVIOUS).install().withName(Project.RELEASE).withNamespace(NAMESPACE).createNamespace()
                .withKubeConfig(plane.adminKubeconfig()).withKubeVersion(Project.KUBE_VERSION).call();
        ok(plane.kubectl("wait", "--for=condition=Established", "crd", "--all", "--timeout=60s"));
        ok(plane.kubectl("create", "namespace", DATA));

        Map<String, JsonNode> schemas = new TreeMap<>();
        Map<String, JsonNode> before = new TreeMap<>();
        for (CustomResourceDefinition crd : previousCrds()) {
            String resource = crd.getSpec().getNames().getPlural();
            JsonNode schema = JSON.valueToTree(crd.getSpec().getVersions().get(0).getSchema().getOpenAPIV3Schema());
            schemas.put(resource, schema);
            ObjectNode object = JSON.createObjectNode()
                    .put("apiVersion", crd.getSpec().getGroup() + "/" + crd.getSpec().getVersions().get(0).getName())
                    .put("kind", crd.getSpec().getNames().getKind());
            object.putObject("metadata").put("name", "full").put("namespace", DATA)
                    .<ObjectNode>set("labels", JSON.createObjectNode().put("team", "voice"))
                    .set("annotations", JSON.createObjectNode().put("owner", "it@example.com"));
            object.set("spec", SchemaExample.of(schema.path("properties").path("spec")));
            ok(Project.apply(plane, resource, JSON.writeValueAsString(object)));
            ObjectNode status = JSON.createObjectNode();
            status.set("status", SchemaExample.of(schema.path("properties").path("status")));
            ok(plane.kubectl("-n", DATA, "patch", resource, "full", "--subresource=status", "--type=merge", "-p",
                    JSON.writeValueAsString(status)));
            JsonNode stored = read(plane, resource);
            assertThat(SchemaExample.missing(schema, stored)).as("fields of %s the API server did not keep",
                    resource).isEmpty();
            before.put(resource, stored);
        }
        // The field the new CRDs add: the previous schema prunes it.
        ok(plane.kubectl("-n", DATA, "patch", "customerusers", "full", "--subresource=status", "--type=merge", "-p",
                "{\"status\":{\"licensesBasis\":\"a1b2\"}}"));
        assertThat(read(plane, "customerusers").path("status").has("licensesBasis")).isFalse();

        // Helm adopts no object that another release, or none, made: the CRDs Helm put in from crds/ are such.
        assertThatThrownBy(() -> upgrade(plane)).hasMessageContaining("invalid ownership metadata")
                .hasMessageContaining("CustomResourceDefinition");
        List<String> crds = schemas.keySet().stream().map(r -> r + ".partnerhub.dev").toList();
        ok(plane.kubectl(Stream.of(Stream.of("label", "crd"), crds.stream(),
                Stream.of("app.kubernetes.io/managed-by=Helm")).flatMap(s -> s).toArray(String[]::new)));
        ok(plane.kubectl(Stream.of(Stream.of("annotate", "crd"), crds.stream(), Stream.of(
                "meta.helm.sh/release-name=" + Project.RELEASE, "meta.helm.sh/release-namespace=" + NAMESPACE))
                .flatMap(s -> s).toArray(String[]::new)));
        // The Deployment's selector gained app.kubernetes.io/instance, and a selector cannot change.
        assertThatThrownBy(() -> upgrade(plane)).hasMessageContaining("field is immutable");
        ok(plane.kubectl("-n", NAMESPACE, "delete", "deployment", Project.RELEASE));
        upgrade(plane);
        ok(plane.kubectl("wait", "--for=condition=Established", "crd", "--all", "--timeout=60s"));

        for (Map.Entry<String, JsonNode> stored : before.entrySet()) {
            JsonNode after = read(plane, stored.getKey());
            for (String part : List.of("spec", "status")) {
                assertThat(after.get(part)).as("%s of %s after the upgrade", part, stored.getKey())
                        .isEqualTo(stored.getValue().get(part));
            }
            for (String part : List.of("labels", "annotations", "uid", "generation")) {
                assertThat(after.path("metadata").get(part)).as("metadata.%s of %s", part, stored.getKey())
                        .isEqualTo(stored.getValue().path("metadata").get(part));
            }
        }
        ok(plane.kubectl("-n", DATA, "patch", "customerusers", "full", "--subresource=status", "--type=merge", "-p",
                "{\"status\":{\"licensesBasis\":\"a1b2\"}}"));
        assertThat(read(plane, "customerusers").path("status").path("licensesBasis").asText()).isEqualTo("a1b2");
        assertThat(plane.kubectl("get", "crd", "-l", "app.kubernetes.io/managed-by=Helm", "-o", "name").output()
                .lines()).hasSize(4);
    }

    private static void upgrade(ControlPlane plane) throws Exception {
        new Helm(Project.CHART).upgrade().withName(Project.RELEASE).withNamespace(NAMESPACE)
                .withKubeConfig(plane.adminKubeconfig()).withKubeVersion(Project.KUBE_VERSION).call();
    }

    private static List<CustomResourceDefinition> previousCrds() throws IOException {
        try (Stream<Path> files = Files.list(PREVIOUS.resolve("crds"))) {
            return files.sorted().map(file -> {
                try (InputStream in = Files.newInputStream(file)) {
                    return Serialization.unmarshal(in, CustomResourceDefinition.class);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).toList();
        }
    }

    private static JsonNode read(ControlPlane plane, String resource) throws IOException {
        ControlPlane.Kubectl.Result got = plane.kubectl("-n", DATA, "get", resource, "full", "-o", "json");
        ok(got);
        return JSON.readTree(got.output());
    }

    private static void ok(ControlPlane.Kubectl.Result result) {
        assertThat(result.exitCode()).as(result.output()).isZero();
    }
}
