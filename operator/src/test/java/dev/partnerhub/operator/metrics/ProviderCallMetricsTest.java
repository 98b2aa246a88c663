package dev.partnerhub.operator.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.providers.spi.http.CallObserver;
import dev.partnerhub.providers.spi.http.CircuitBreaker;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Provider calls as series per connection, operation and outcome: never one per user, whatever the paths hold. */
class ProviderCallMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final ProviderCallMetrics metrics = new ProviderCallMetrics(registry);

    @Test
    void identifiersInAPathBecomeOneOperation() {
        assertThat(Operations.of("GET", "/v1/people/Y2lzY29zcGFyazovL3VzL1BFT1BMRS9hYmM")).isEqualTo("GET /v1/people/{id}");
        assertThat(Operations.of("POST", "/v1/customers/4c9d0f3e-8a1b-4c2d-9e3f-5a6b7c8d9e0f/users/"
                + "0df85b1e-e588-499e-ab44-d52fef58be8e/licenseupdates"))
                .isEqualTo("POST /v1/customers/{id}/users/{id}/licenseupdates");
        assertThat(Operations.of("GET", "/v1/people/dana@acme.example.com")).isEqualTo("GET /v1/people/{id}");
        assertThat(Operations.of("GET", "/v1.0/wholesale/subscribers")).isEqualTo("GET /v1.0/wholesale/subscribers");
    }

    @Test
    void outcomesAreAFewWordsAndATenThousandthPathIsStillNoNewSeries() {
        CallObserver observer = metrics.observe("ns/webex", CircuitBreaker.defaults());
        observer.answered("GET", URI.create("https://hub/v1/people/abc1"), 200, Duration.ofMillis(20));
        observer.answered("GET", URI.create("https://hub/v1/people/abc2"), 404, Duration.ofMillis(20));
        observer.answered("POST", URI.create("https://hub/v1/people"), 429, Duration.ofMillis(20));
        observer.unanswered("POST", URI.create("https://hub/v1/people"), Duration.ofSeconds(30));
        observer.unusable("GET", URI.create("https://hub/v1/people/abc3"), 200, Duration.ofMillis(20));
        observer.answered("GET", URI.create("https://hub/v1/people/abc4"), 302, Duration.ofMillis(20));
        assertThat(registry.find("partnerhub.provider.calls").counters()).extracting(c -> c.getId().getTag(
                "operation") + " " + c.getId().getTag("outcome")).containsExactlyInAnyOrder(
                "GET /v1/people/{id} success", "GET /v1/people/{id} not_found", "POST /v1/people rate_limited",
                "POST /v1/people no_reply", "GET /v1/people/{id} bad_reply", "GET /v1/people/{id} redirect");
        assertThat(registry.find("partnerhub.provider.call").timers()).as("latency per operation, whatever the outcome")
                .extracting(t -> t.getId().getTag("operation") + " " + t.count())
                .containsExactlyInAnyOrder("GET /v1/people/{id} 4", "POST /v1/people 2");
        for (int i = 0; i < 10_000; i++) {
            // A path whose every segment looks like a word, as no API of Webex or Partner Center has.
            observer.answered("GET", URI.create("https://hub/v1/words/" + word(i)), 200, Duration.ofMillis(1));
        }
        assertThat(registry.find("partnerhub.provider.call").timers())
                .as("at most %d operations per connection, then 'other'", ProviderCallMetrics.MOST_OPERATIONS)
                .hasSize(ProviderCallMetrics.MOST_OPERATIONS + 1)
                .anyMatch(t -> "other".equals(t.getId().getTag("operation")));
    }

    @Test
    void aConnectionsCircuitIsReadFromItsCurrentBreakerAndItsSeriesGoWithIt() {
        CircuitBreaker old = new CircuitBreaker(1, Duration.ofMinutes(1), Duration.ofMinutes(5), Duration.ofHours(1),
                java.time.Clock.systemUTC());
        metrics.observe("ns/webex", old);
        old.failed("no reply");
        assertThat(registry.get("partnerhub.connection.circuit.state").gauge().value()).isEqualTo(1);
        metrics.observe("ns/webex", CircuitBreaker.defaults()).throttled(Duration.ofSeconds(2));
        assertThat(registry.get("partnerhub.connection.circuit.state").gauge().value())
                .as("the new spec's breaker, closed").isZero();
        assertThat(registry.get("partnerhub.provider.throttled.wait").counter().count()).isEqualTo(2.0);

        metrics.forget("ns/webex");
        assertThat(registry.getMeters()).extracting(Meter::getId).noneMatch(id -> "ns/webex".equals(id.getTag(
                "connection")));
    }

    private static String word(int i) {
        StringBuilder word = new StringBuilder();
        for (int n = i; ; n /= 26) {
            word.append((char) ('a' + n % 26));
            if (n < 26) {
                return word.toString();
            }
        }
    }
}
