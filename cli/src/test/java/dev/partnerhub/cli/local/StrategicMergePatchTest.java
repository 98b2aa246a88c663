package dev.partnerhub.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * kubectl re-applies a Secret or a Namespace with a strategic merge patch: the local mode's API takes one without
 * directives as the merge patch it equals, and refuses one with a directive, naming it, leaving the object as it was.
 * A null in a merge patch removes its field, as on an API server (Fabric8 alone stores the null).
 */
class StrategicMergePatchTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "/api/v1/namespaces/demo/secrets/token";

    /** HTTP/1.1: the JDK client's h2c upgrade of a request with a body sometimes got no reply from the embedded API. */
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    private LocalKubernetesApi api;
    private KubernetesClient client;

    @BeforeEach
    void start() {
        api = LocalKubernetesApi.start(0);
        client = api.client();
        client.resource(new SecretBuilder().withNewMetadata().withName("token").withNamespace("demo").endMetadata()
                .withData(Map.of("token", "b2xk", "old", "b2xk")).build()).create();
    }

    @AfterEach
    void stop() {
        client.close();
        api.close();
    }

    @Test
    void aPatchWithoutDirectivesMergesAsAMergePatch() throws Exception {
        HttpResponse<String> reply = patch(SECRET,
                "{\"data\":{\"token\":\"bmV3\",\"old\":null},\"metadata\":{\"annotations\":{\"team\":\"support\"}}}");

        assertThat(reply.statusCode()).as(reply.body()).isBetween(200, 202);
        Secret secret = client.secrets().inNamespace("demo").withName("token").get();
        assertThat(secret.getData()).isEqualTo(Map.of("token", "bmV3"));
        assertThat(secret.getMetadata().getAnnotations()).containsEntry("team", "support");
    }

    @Test
    void aPatchWithADirectiveIsRefusedByNameAndChangesNothing() throws Exception {
        String version = client.secrets().inNamespace("demo").withName("token").get().getMetadata()
                .getResourceVersion();

        HttpResponse<String> reply = patch(SECRET, "{\"data\":{\"token\":\"bmV3\"},\"metadata\":"
                + "{\"$setElementOrder/finalizers\":[\"a\"],\"finalizers\":[\"a\"]}}");

        assertThat(reply.statusCode()).isEqualTo(415);
        JsonNode status = JSON.readTree(reply.body());
        assertThat(status.path("message").asText()).contains("$setElementOrder/finalizers", "kubectl replace");
        Secret secret = client.secrets().inNamespace("demo").withName("token").get();
        assertThat(secret.getMetadata().getResourceVersion()).isEqualTo(version);
        assertThat(secret.getData()).containsEntry("token", "b2xk");
    }

    @Test
    void aNullInAMergePatchRemovesItsFieldAsAnApiServerDoes() {
        client.secrets().inNamespace("demo").withName("token").edit(s -> {
            s.getMetadata().setLabels(Map.of("team", "support"));
            return s;
        });
        assertThat(client.secrets().inNamespace("demo").withLabel("team").list().getItems()).hasSize(1);

        client.secrets().inNamespace("demo").withName("token").patch(PatchContext.of(PatchType.JSON_MERGE),
                "{\"metadata\":{\"labels\":{\"team\":null}},\"data\":{\"old\":null}}");

        Secret secret = client.secrets().inNamespace("demo").withName("token").get();
        assertThat(secret.getMetadata().getLabels()).doesNotContainKey("team");
        assertThat(secret.getData()).containsOnlyKeys("token");
        assertThat(client.secrets().inNamespace("demo").withLabel("team").list().getItems())
                .as("the label selector no longer finds it").isEmpty();
    }

    private HttpResponse<String> patch(String path, String body) throws IOException, InterruptedException {
        return http.send(HttpRequest.newBuilder(URI.create(api.url() + path))
                .header("Content-Type", StrategicMergePatch.CONTENT_TYPE)
                .method("PATCH", HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
