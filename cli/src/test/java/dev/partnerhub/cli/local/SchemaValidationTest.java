package dev.partnerhub.cli.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The local mode's Kubernetes API checks custom resources against their CRDs' schemas as a real API server does,
 * and serves the OpenAPI v3 documents kubectl reads to validate and explain: so that `kubectl apply -f` works
 * without `--validate=false`, and a typo is refused at the API with its field named, not stored.
 */
class SchemaValidationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final Path ROOT = Path.of("..");
    private static final ResourceDefinitionContext USERS = new ResourceDefinitionContext.Builder()
            .withGroup("partnerhub.dev").withVersion("v1alpha1").withPlural("customerusers").withKind("CustomerUser")
            .withNamespaced(true).build();
    private static final String USERS_PATH = "/apis/partnerhub.dev/v1alpha1/namespaces/demo/customerusers";

    private RawApi raw;
    private LocalKubernetesApi api;
    private KubernetesClient client;

    @BeforeEach
    void start() throws IOException {
        api = LocalKubernetesApi.start(0);
        raw = new RawApi(api.url());
        client = api.client();
        for (JsonNode crd : RawApi.documents(ROOT.resolve("crds"))) {
            assertThat(raw.send("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd).statusCode())
                    .isEqualTo(201);
        }
    }

    @AfterEach
    void stop() {
        client.close();
        api.close();
    }

    @Test
    void everySampleIsValidUnderStrictFieldValidation() throws IOException {
        int checked = 0;
        for (JsonNode object : RawApi.documents(ROOT.resolve("samples"))) {
            String apiVersion = object.path("apiVersion").asText();
            if (!apiVersion.startsWith("partnerhub.dev/")) {
                continue;
            }
            String plural = object.path("kind").asText().toLowerCase() + "s";
            String path = "/apis/" + apiVersion + "/namespaces/" + object.path("metadata").path("namespace").asText()
                    + "/" + plural + "?fieldValidation=Strict";
            HttpResponse<String> reply = raw.send("POST", path, object);
            assertThat(reply.statusCode()).as("%s %s: %s", object.path("kind").asText(),
                    object.path("metadata").path("name").asText(), reply.body()).isEqualTo(201);
            checked++;
        }
        assertThat(checked).as("custom resources in samples/").isGreaterThan(10);
    }

    @Test
    void anUndeclaredFieldIsRefusedWhenTheRequestAsksForStrictValidation() throws IOException {
        ObjectNode erin = user("erin");
        ((ObjectNode) erin.path("spec")).put("emial", "erin@acme.example.com");

        HttpResponse<String> strict = raw.send("POST", USERS_PATH + "?fieldValidation=Strict", erin);

        assertThat(strict.statusCode()).isEqualTo(400);
        JsonNode status = JSON.readTree(strict.body());
        assertThat(status.path("reason").asText()).isEqualTo("BadRequest");
        assertThat(status.path("message").asText()).isEqualTo("CustomerUser in version \"v1alpha1\" cannot be handled"
                + " as a CustomerUser: strict decoding error: unknown field \"spec.emial\"");
        assertThat(status.path("details").path("causes").get(0).path("field").asText()).isEqualTo("spec.emial");
        assertThat(client.genericKubernetesResources(USERS).inNamespace("demo").withName("erin").get())
                .as("nothing stored").isNull();

        assertThat(raw.send("POST", USERS_PATH, erin).statusCode()).as("without strict validation, as the operator writes")
                .isEqualTo(201);
    }

    @Test
    void aValueTheSchemaRefusesIsAnsweredInvalidWithEachFieldNamed() {
        ObjectNode erin = user("erin");
        ((ObjectNode) erin.path("spec")).put("email", "not-an-email").put("deletionPolicy", "Sometimes");
        ((ObjectNode) erin.path("spec")).remove("customerRef");

        assertThatThrownBy(() -> client.genericKubernetesResources(USERS).inNamespace("demo")
                .resource(JSON.convertValue(erin, GenericKubernetesResource.class)).create())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(422);
                    Status status = e.getStatus();
                    assertThat(status.getReason()).isEqualTo("Invalid");
                    assertThat(status.getMessage()).startsWith("CustomerUser.partnerhub.dev \"erin\" is invalid: ");
                    assertThat(status.getDetails().getCauses()).extracting(StatusCause::getField)
                            .containsExactly("spec.customerRef", "spec.deletionPolicy", "spec.email");
                    // A missing field is named itself, as a real API server names it.
                    assertThat(status.getDetails().getCauses().get(0).getMessage()).isEqualTo("Required value");
                    assertThat(status.getDetails().getCauses().get(0).getReason()).isEqualTo("FieldValueRequired");
                    assertThat(status.getMessage()).contains("spec.customerRef: Required value");
                    assertThat(status.getDetails().getCauses().get(1).getMessage()).contains("Delete", "Orphan");
                });
        assertThat(client.genericKubernetesResources(USERS).inNamespace("demo").withName("erin").get()).isNull();
    }

    @Test
    void aPatchOrStatusWriteThatBreaksTheSchemaLeavesTheObjectAsItWas() throws IOException {
        ObjectNode erin = user("erin");
        erin.putObject("status").putObject("activation").put("state", "Provisioned");
        erin.putNull("unset");
        ((ObjectNode) erin.path("spec")).putNull("package");
        assertThat(raw.send("POST", USERS_PATH + "?fieldValidation=Strict", erin).statusCode())
                .as("null values count as absent").isEqualTo(201);
        GenericKubernetesResource before = client.genericKubernetesResources(USERS).inNamespace("demo")
                .withName("erin").get();

        assertThatThrownBy(() -> client.genericKubernetesResources(USERS).inNamespace("demo").withName("erin")
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"usageLocation\":\"Sweden\"}}"))
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(422);
                    // Two causes, as a real API server gives them: longer than 2 and not of the pattern.
                    assertThat(e.getStatus().getDetails().getCauses()).extracting(StatusCause::getField)
                            .containsExactly("spec.usageLocation", "spec.usageLocation");
                });
        assertThatThrownBy(() -> client.genericKubernetesResources(USERS).inNamespace("demo").withName("erin")
                .subresource("status").patch(PatchContext.of(PatchType.JSON_MERGE),
                        "{\"status\":{\"activation\":{\"state\":\"Happy\"}}}"))
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> assertThat(
                        e.getStatus().getDetails().getCauses()).extracting(StatusCause::getField)
                        .containsExactly("status.activation.state"));

        GenericKubernetesResource after = client.genericKubernetesResources(USERS).inNamespace("demo")
                .withName("erin").get();
        assertThat(after.getMetadata().getResourceVersion()).isEqualTo(before.getMetadata().getResourceVersion());
        assertThat(JSON.valueToTree(after.getAdditionalProperties()).path("spec").has("usageLocation")).isFalse();

        client.genericKubernetesResources(USERS).inNamespace("demo").withName("erin")
                .patch(PatchContext.of(PatchType.JSON_MERGE), "{\"spec\":{\"usageLocation\":\"SE\"}}");
        assertThat(client.genericKubernetesResources(USERS).inNamespace("demo").withName("erin").get()
                .getAdditionalProperties().get("spec").toString()).contains("usageLocation=SE");
    }

    @Test
    void aChangedCrdChangesWhatIsChecked() throws IOException {
        ObjectNode erin = user("erin");
        ((ObjectNode) erin.path("spec")).put("deletionPolicy", "Sometimes");
        assertThat(raw.send("POST", USERS_PATH, erin).statusCode()).isEqualTo(422);

        JsonNode crd = RawApi.documents(ROOT.resolve("crds")).stream()
                .filter(c -> c.path("metadata").path("name").asText().equals("customerusers.partnerhub.dev"))
                .findFirst().orElseThrow();
        ((ObjectNode) crd.path("spec").path("versions").get(0).path("schema").path("openAPIV3Schema")
                .path("properties").path("spec").path("properties").path("deletionPolicy")).putArray("enum")
                .add("Delete").add("Orphan").add("Sometimes");
        assertThat(raw.send("PUT", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/customerusers.partnerhub.dev",
                crd).statusCode()).isEqualTo(200);

        assertThat(raw.send("POST", USERS_PATH, erin).statusCode()).isEqualTo(201);

        ObjectNode frank = user("frank");
        ((ObjectNode) frank.path("spec")).put("deletionPolicy", "Never");
        assertThat(raw.send("POST", USERS_PATH, frank).statusCode()).isEqualTo(422);
        assertThat(raw.send("DELETE", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions/customerusers.partnerhub.dev",
                null).statusCode()).isEqualTo(200);
        assertThat(raw.send("POST", USERS_PATH, frank).statusCode()).as("a deleted CRD's schema no longer applies")
                .isEqualTo(201);
    }

    @Test
    void servesTheOpenApiV3DocumentsKubectlReads() throws IOException {
        JsonNode root = JSON.readTree(raw.send("GET", "/openapi/v3", null).body());
        assertThat(root.path("paths").has("api/v1")).isTrue();
        String url = root.path("paths").path("apis/partnerhub.dev/v1alpha1").path("serverRelativeURL").asText();
        assertThat(url).matches("/openapi/v3/apis/partnerhub\\.dev/v1alpha1\\?hash=[0-9A-F]{128}");

        JsonNode doc = JSON.readTree(raw.send("GET", url, null).body());
        JsonNode schema = doc.path("components").path("schemas").path("dev.partnerhub.v1alpha1.CustomerUser");
        assertThat(schema.path("properties").path("spec").path("properties").path("email").path("pattern").asText())
                .isNotEmpty();
        assertThat(schema.path("x-kubernetes-group-version-kind").get(0).path("kind").asText())
                .isEqualTo("CustomerUser");
        JsonNode patch = doc.path("paths")
                .path("/apis/partnerhub.dev/v1alpha1/namespaces/{namespace}/customerusers/{name}").path("patch");
        assertThat(patch.path("x-kubernetes-group-version-kind").path("kind").asText()).isEqualTo("CustomerUser");
        assertThat(patch.path("parameters").get(0).path("name").asText()).isEqualTo("fieldValidation");

        HttpResponse<String> v2 = raw.send("GET", "/openapi/v2", null);
        assertThat(v2.statusCode()).as("not a dump of the store, as Fabric8 answers any unknown path").isEqualTo(404);
        assertThat(raw.send("GET", "/openapi/v3/apis/nothing.example/v1", null).statusCode()).isEqualTo(404);
    }

    private static ObjectNode user(String name) {
        ObjectNode user = JSON.createObjectNode().put("apiVersion", "partnerhub.dev/v1alpha1")
                .put("kind", "CustomerUser");
        user.putObject("metadata").put("name", name).put("namespace", "demo");
        ObjectNode spec = user.putObject("spec");
        spec.putObject("customerRef").put("name", "acme");
        spec.put("email", name + "@acme.example.com").put("package", "webex_meetings");
        return user;
    }
}
