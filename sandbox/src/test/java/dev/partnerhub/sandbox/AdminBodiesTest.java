package dev.partnerhub.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The admin endpoint is the hub's own and takes JSON whatever the request says it is: {@code curl -d '{...}'}, as
 * docs/local-mode.md shows it, labels its body as a form. The vendors' endpoints read a body as its Content-Type says.
 */
class AdminBodiesTest {

    @Test
    void aJsonBodyLabelledAsAFormReachesTheAdminEndpointAsJson() throws Exception {
        try (LocalPartnerHub hub = LocalPartnerHub.start(HubSettings.defaults())) {
            HttpResponse<String> reply = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(hub.url() + "/admin/clock"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"advanceSeconds\": 60}")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(reply.statusCode()).as(reply.body()).isEqualTo(200);
            assertThat(reply.body()).contains("\"offsetSeconds\":60");
        }
    }
}
