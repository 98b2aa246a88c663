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
    void beyondTheHubsOwnLimitInASecondACallIsRefusedAndCountedAndTheNextSecondStartsAfresh() {
        Faults faults = new Faults();
        faults.limit(3);
        List<Boolean> refused = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            refused.add(faults.overLimit(100));
        }
        assertThat(refused).containsExactly(false, false, false, true, true);
        assertThat(faults.overLimit(101)).as("a new second").isFalse();
        assertThat(faults.applied()).containsEntry("429-limit", 2L);
        faults.limit(0);
        assertThat(faults.overLimit(101)).isFalse();
        assertThat(faults.overLimit(101)).isFalse();
    }

    @Test
    void aCallBeyondTheLimitIsAnswered429WithRetryAfterOne() throws Exception {
        try (LocalPartnerHub hub = LocalPartnerHub.start(HubSettings.defaults().withPort(0))) {
            HubAdminClient admin = new HubAdminClient(hub.url());
            admin.rateLimit(1);
            HttpClient client = HttpClient.newHttpClient();
            // One call a second: the second call of any second is refused; calls take milliseconds, so one comes.
            HttpResponse<String> refused = null;
            for (int i = 0; i < 100 && refused == null; i++) {
                HttpResponse<String> reply = client.send(HttpRequest.newBuilder(URI.create(hub.apiUrl() + "/people"))
                        .header("Authorization", "Bearer " + hub.token()).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                refused = reply.statusCode() == 429 ? reply : null;
            }
            assertThat(refused).isNotNull();
            assertThat(refused.headers().firstValue("Retry-After")).contains("1");
            assertThat(refused.body()).contains("4290");
            assertThat(admin.faultsApplied().get("429-limit")).isPositive();
        }
    }
}
