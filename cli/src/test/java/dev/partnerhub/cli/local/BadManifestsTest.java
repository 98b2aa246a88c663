package dev.partnerhub.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The bad manifests that admission refuses, as `kubectl apply` meets them: a sample with one mistake is answered 422
 * Invalid (400 for a misspelt field under kubectl's strict validation) naming the field, and nothing is stored. The local mode's API checks the CRDs' schemas as a real API server
 * does (CrdAdmissionTest checks some of the same on one); the mistakes a schema cannot express are the operator's to
 * refuse (BadInputMatrixTest).
 */
class BadManifestsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Path SAMPLES = Path.of("..", "samples");

    /** One mistake in a sample of {@code kind}, and the field the refusal names. */
    record Case(String name, String kind, Consumer<ObjectNode> mistake, String field, int code) {

        Case(String name, String kind, Consumer<ObjectNode> mistake, String field) {
            this(name, kind, mistake, field, 422);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    private RawApi raw;
    private LocalKubernetesApi api;

    static Stream<Case> cases() {
        return Stream.of(
                new Case("an email without @", "CustomerUser", set("/spec/email", "alice.acme.example.com"),
                        "spec.email"),
                new Case("an email with a space", "CustomerUser", set("/spec/email", "alice @acme.example.com"),
                        "spec.email"),
                new Case("a 300-character email", "CustomerUser", set("/spec/email", "a".repeat(288)
                        + "@example.com"), "spec.email"),
                new Case("a 5,000-character first name", "CustomerUser", set("/spec/firstName", "x".repeat(5000)),
                        "spec.firstName"),
                new Case("a phone number that is not E.164", "CustomerUser", set("/spec/phoneNumber",
                        "555-CALL-NOW"), "spec.phoneNumber"),
                new Case("a deletion policy that does not exist", "CustomerUser", set("/spec/deletionPolicy",
                        "Sometimes"), "spec.deletionPolicy"),
                new Case("a user without its customer", "CustomerUser", o -> ((ObjectNode) o.path("spec"))
                        .remove("customerRef"), "spec.customerRef"),
                new Case("a 400-character externalId", "Customer", set("/spec/externalId", "e".repeat(400)),
                        "spec.externalId"),
                new Case("300 packages", "Customer", o -> {
                    ArrayNode packages = ((ObjectNode) o.path("spec")).putArray("packages");
                    for (int i = 0; i < 300; i++) {
                        packages.add("webex_meetings");
                    }
                }, "spec.packages"),
                new Case("a selector requirement without operator", "LicenseAssignment", o -> selector(o)
                        .putArray("matchExpressions").addObject().put("key", "team").putArray("values").add("a"),
                        "spec.users.selector.matchExpressions[0].operator"),
                new Case("a selector operator that does not exist", "LicenseAssignment", o -> selector(o)
                        .putArray("matchExpressions").addObject().put("key", "team").put("operator", "Maybe"),
                        "spec.users.selector.matchExpressions[0].operator"),
                new Case("a licence mode that does not exist", "LicenseAssignment", set("/spec/mode", "Sometimes"),
                        "spec.mode"),
                new Case("a rate limit of 0 requests per second", "PartnerConnection", o -> ((ObjectNode) o
                        .path("spec")).putObject("rateLimit").put("requestsPerSecond", 0), "spec.rateLimit"
                        + ".requestsPerSecond"),
                new Case("a provider that does not exist", "PartnerConnection", set("/spec/provider", "myspace"),
                        "spec.provider"),
                new Case("a misspelt field", "CustomerUser", o -> ((ObjectNode) o.path("spec")).put("emial",
                        "alice@acme.example.com"), "spec.emial", 400));
    }

    @BeforeEach
    void start() throws IOException {
        api = LocalKubernetesApi.start(0);
        raw = new RawApi(api.url());
        for (JsonNode crd : RawApi.documents(Path.of("..", "crds"))) {
            assertThat(raw.send("POST", "/apis/apiextensions.k8s.io/v1/customresourcedefinitions", crd).statusCode())
                    .isEqualTo(201);
        }
    }

    @AfterEach
    void stop() {
        api.close();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isRefusedAtTheApiNamingTheFieldAndNotStored(Case bad) throws IOException {
        ObjectNode manifest = (ObjectNode) RawApi.documents(SAMPLES).stream().filter(d -> d.path("kind").asText()
                .equals(bad.kind())).findFirst().orElseThrow().deepCopy();
        String path = "/apis/partnerhub.dev/v1alpha1/namespaces/" + manifest.path("metadata").path("namespace")
                .asText() + "/" + bad.kind().toLowerCase(Locale.ROOT) + "s";
        bad.mistake().accept(manifest);

        HttpResponse<String> reply = raw.send("POST", path + "?fieldValidation=Strict", manifest);

        assertThat(reply.statusCode()).as(reply.body()).isEqualTo(bad.code());
        JsonNode status = JSON.readTree(reply.body());
        // An undeclared field under strict validation is a decoding error (400), as a real API server answers it.
        assertThat(status.path("reason").asText()).isEqualTo(bad.code() == 422 ? "Invalid" : "BadRequest");
        assertThat(status.path("details").path("causes").findValuesAsText("field")).as(reply.body())
                .contains(bad.field());
        assertThat(raw.send("GET", path + "/" + manifest.path("metadata").path("name").asText(), null).statusCode())
                .isEqualTo(404);
    }

    private static Consumer<ObjectNode> set(String pointer, String value) {
        JsonPointer at = JsonPointer.compile(pointer);
        return o -> ((ObjectNode) o.at(at.head())).put(at.last().getMatchingProperty(), value);
    }

    private static ObjectNode selector(ObjectNode assignment) {
        ObjectNode users = (ObjectNode) assignment.path("spec").path("users");
        users.remove("names");
        return users.putObject("selector");
    }
}
