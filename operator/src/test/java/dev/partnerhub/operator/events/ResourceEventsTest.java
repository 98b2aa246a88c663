package dev.partnerhub.operator.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.operator.Fixtures;
import dev.partnerhub.sandbox.AdjustableClock;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import io.fabric8.mockwebserver.http.RecordedRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the Events API receives: one Event per new occurrence, a repeat counted on it, and a bounded number of writes. */
@EnableKubernetesMockClient(crud = true)
class ResourceEventsTest {

    static KubernetesClient client;
    static KubernetesMockServer server;

    private final AdjustableClock clock = AdjustableClock.standingAt(Instant.parse("2026-12-06T10:00:00Z"));
    private final ResourceEvents events = new ResourceEvents(clock, "operator-0",
            new dev.partnerhub.operator.metrics.ReconcileErrors(new io.micrometer.core.instrument.simple.SimpleMeterRegistry()));
    private CustomerUser dana;

    @BeforeEach
    void aUser() throws InterruptedException {
        while (server.takeRequest(1, TimeUnit.MILLISECONDS) != null) {
            // what earlier tests sent
        }
        dana = Fixtures.user("events", "dana", "globex", null, "standard", null);
        dana.getMetadata().setUid("uid-dana-" + System.nanoTime());
    }

    @Test
    void eachStepOfAUsersLifeIsOneEventRegardingItWithTheConditionsReasonAndMessage() {
        tell(new Occurrence(false, "Provisioning", "The hub is provisioning the user."));
        tell(new Occurrence(false, "PendingEmailInput", "The end user must open the activation link."));
        tell(new Occurrence(false, "Provisioned", "The user is provisioned and active."));
        tell(new Occurrence(true, "ProviderRejected", "HTTP 400: spec.email: the address is taken."));

        List<Event> written = eventsOf("dana");
        assertThat(written).extracting(Event::getReason).containsExactly("Provisioning", "PendingEmailInput",
                "Provisioned", "ProviderRejected");
        assertThat(written).extracting(Event::getType).containsExactly("Normal", "Normal", "Normal", "Warning");
        Event refused = written.get(3);
        assertThat(refused.getNote()).isEqualTo("HTTP 400: spec.email: the address is taken.");
        assertThat(refused.getRegarding().getKind()).isEqualTo("CustomerUser");
        assertThat(refused.getRegarding().getName()).isEqualTo("dana");
        assertThat(refused.getRegarding().getUid()).isEqualTo(dana.getMetadata().getUid());
        assertThat(refused.getReportingController()).isEqualTo("partnerhub.dev/operator");
        assertThat(refused.getReportingInstance()).isEqualTo("operator-0");
        assertThat(refused.getAction()).isEqualTo("Reconcile");
        assertThat(refused.getEventTime()).isNotNull();
    }

    @Test
    void aUserFailingEvery30SecondsForAnHourIsOneEventCountingItsRepeatsInABoundedNumberOfWrites()
            throws InterruptedException {
        Occurrence failure = new Occurrence(true, "ProviderUnavailable", "HTTP 503 from the provider.");
        for (int round = 0; round < 120; round++) {
            tell(failure);
            clock.advance(Duration.ofSeconds(30));
        }

        List<Event> written = eventsOf("dana");
        assertThat(written).singleElement().satisfies(e -> {
            assertThat(e.getReason()).isEqualTo("ProviderUnavailable");
            assertThat(e.getSeries().getCount()).as("the repeats, as of the last write (at most 5 minutes old)")
                    .isBetween(110, 120);
        });
        assertThat(writes()).as("Event writes in the hour").isLessThanOrEqualTo(EventBudget.MOST_PER_HOUR)
                .isEqualTo(1 + 119 * 30 / (int) EventBudget.SERIES_INTERVAL.toSeconds());
    }

    @Test
    void manyDifferentFailuresAtOnceWriteNoMoreThanTheBurstThenOneEverySixMinutes() throws InterruptedException {
        for (int i = 0; i < 30; i++) {
            tell(new Occurrence(true, "ProviderRejected", "HTTP 400, attempt " + i));
        }
        assertThat(writes()).isEqualTo(EventBudget.BURST);
        clock.advance(EventBudget.REFILL);
        tell(new Occurrence(true, "ProviderRejected", "HTTP 400, later"));
        assertThat(writes()).isEqualTo(1);
    }

    @Test
    void aNoteLongerThanTheApiKeepsIsCutToOneKilobyteOnACharacterBoundary() {
        assertThat(ResourceEvents.note("x".repeat(5000)).getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .hasSizeLessThanOrEqualTo(1024);
        String emoji = ResourceEvents.note("x".repeat(1019) + "\uD83D\uDE00".repeat(3));
        assertThat(emoji.getBytes(java.nio.charset.StandardCharsets.UTF_8)).hasSizeLessThanOrEqualTo(1024);
        assertThat(emoji).endsWith("x...").doesNotContain("\uFFFD");
        assertThat(ResourceEvents.note("short")).isEqualTo("short");
    }

    @Test
    void anEventDeletedFromTheApiIsWrittenAgainAtTheNextRepeatNotCountedInVain() {
        Occurrence failure = new Occurrence(true, "ProviderUnavailable", "HTTP 503 from the provider.");
        tell(failure);
        client.resources(Event.class).inNamespace("events").withName(eventsOf("dana").get(0).getMetadata().getName())
                .delete();
        clock.advance(EventBudget.SERIES_INTERVAL);
        tell(failure);
        assertThat(eventsOf("dana")).as("its count went to an Event that is gone").isEmpty();
        tell(failure);
        assertThat(eventsOf("dana")).singleElement().extracting(Event::getReason).isEqualTo("ProviderUnavailable");
    }

    @Test
    void theSameStepAnHourLaterIsANewEventAsTheApiServerHasDroppedTheFirst() {
        tell(new Occurrence(false, "Provisioned", "The user is provisioned and active."));
        clock.advance(Duration.ofHours(1));
        tell(new Occurrence(false, "Provisioned", "The user is provisioned and active."));
        assertThat(eventsOf("dana")).hasSize(2);
    }

    private void tell(Occurrence occurrence) {
        events.record(client, dana, List.of(occurrence));
    }

    private List<Event> eventsOf(String name) {
        return client.resources(Event.class).inNamespace("events").list().getItems().stream()
                .filter(e -> name.equals(e.getRegarding().getName()))
                .filter(e -> dana.getMetadata().getUid().equals(e.getRegarding().getUid()))
                .sorted(Comparator.comparing(e -> e.getEventTime().getTime())).toList();
    }

    /** Creates and patches of Events since the last count. */
    private int writes() throws InterruptedException {
        int count = 0;
        for (RecordedRequest r = server.takeRequest(1, TimeUnit.MILLISECONDS); r != null;
                r = server.takeRequest(1, TimeUnit.MILLISECONDS)) {
            if (r.getPath().contains("/events") && !r.getMethod().equals("GET")) {
                count++;
            }
        }
        return count;
    }
}
