package dev.partnerhub.sandbox;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The hub's own fault settings: the Retry-After forms a 429 carries, and the counts of the faults applied. */
class FaultsTest {

    @Test
    void mixedRetryAfterFormsComeInTurnAndEachFaultKindIsCounted() throws Exception {
        try (LocalPartnerHub hub = LocalPartnerHub.start(HubSettings.defaults().withPort(0))) {
            HubAdminClient admin = new HubAdminClient(hub.url());
            admin.addFault(Json.object().put("status", 429).put("retryAfterSeconds", 2)
                    .put("retryAfterForm", "mixed").put("times", 3));
            admin.addFault(Json.object().put("status", 503).put("times", 1));
            HttpClient client = HttpClient.newHttpClient();
            List<String> retryAfters = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                HttpResponse<String> reply = client.send(HttpRequest.newBuilder(URI.create(hub.apiUrl() + "/people"))
                        .header("Authorization", "Bearer " + hub.token()).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                reply.headers().firstValue("Retry-After").ifPresent(retryAfters::add);
                assertThat(reply.statusCode()).isEqualTo(i < 3 ? 429 : 503);
            }
            assertThat(retryAfters).hasSize(3).contains("2", "2.5");
            assertThat(retryAfters).filteredOn(v -> !v.startsWith("2")).singleElement().satisfies(date ->
                    assertThat(ZonedDateTime.parse(date, DateTimeFormatter.RFC_1123_DATE_TIME)).isNotNull());
            assertThat(admin.faultsApplied()).containsEntry("429", 3L).containsEntry("503", 1L);
        }
    }

    @Test
    void beyondTheHubsOwnLimitACallIsAnswered429WithRetryAfterAndCounted() throws Exception {
        try (LocalPartnerHub hub = LocalPartnerHub.start(HubSettings.defaults().withPort(0))) {
            HubAdminClient admin = new HubAdminClient(hub.url());
            admin.rateLimit(3);
            HttpClient client = HttpClient.newHttpClient();
            List<Integer> statuses = new ArrayList<>();
            List<String> retryAfters = new ArrayList<>();
            long second;
            do {
                // Five calls in one calendar second: started again if the second turned meanwhile.
                statuses.clear();
                retryAfters.clear();
                second = java.time.Instant.now().getEpochSecond();
                for (int i = 0; i < 5; i++) {
                    HttpResponse<String> reply = client.send(HttpRequest.newBuilder(URI.create(hub.apiUrl()
                            + "/people")).header("Authorization", "Bearer " + hub.token()).GET().build(),
                            HttpResponse.BodyHandlers.ofString());
                    statuses.add(reply.statusCode());
                    reply.headers().firstValue("Retry-After").ifPresent(retryAfters::add);
                }
            } while (java.time.Instant.now().getEpochSecond() != second);
            assertThat(statuses).containsExactly(200, 200, 200, 429, 429);
            assertThat(retryAfters).containsExactly("1", "1");
            assertThat(admin.faultsApplied().get("429-limit")).isGreaterThanOrEqualTo(2L);

            admin.rateLimit(0);
            for (int i = 0; i < 5; i++) {
                assertThat(client.send(HttpRequest.newBuilder(URI.create(hub.apiUrl() + "/people"))
                        .header("Authorization", "Bearer " + hub.token()).GET().build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
            }
        }
    }
}
