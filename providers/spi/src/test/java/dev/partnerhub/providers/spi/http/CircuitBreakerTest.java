package dev.partnerhub.providers.spi.http;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.sandbox.AdjustableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final AdjustableClock clock = AdjustableClock.standingAt(Instant.parse("2026-12-05T10:00:00Z"));
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(4), Duration.ofSeconds(20),
            Duration.ofMinutes(10), clock);

    private void advance(Duration by) {
        clock.advance(by);
    }

    @Test
    void failuresInARowOpenItAndOnlyOneTrialGoesWhenItsTimeComes() {
        breaker.failed("GET /a: HTTP 503");
        breaker.failed("GET /b: HTTP 503");
        assertThat(breaker.allow()).isTrue();
        breaker.failed("GET /c: HTTP 503");
        CircuitBreaker.Health open = breaker.health();
        assertThat(open.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(open.firstFailure()).isEqualTo("GET /a: HTTP 503");
        assertThat(open.failingSince()).isEqualTo(Instant.parse("2026-12-05T10:00:00Z"));
        assertThat(breaker.allow()).isFalse();
        assertThat(breaker.untilTrial()).isBetween(Duration.ofSeconds(3), Duration.ofSeconds(4));

        breaker.failed("GET /d: sent before it opened");
        assertThat(breaker.untilTrial()).as("a call sent before it opened does not lengthen the wait")
                .isLessThanOrEqualTo(Duration.ofSeconds(4));
        advance(Duration.ofSeconds(4));
        assertThat(breaker.allow()).as("the trial").isTrue();
        assertThat(breaker.allow()).as("one trial at a time").isFalse();
        breaker.failed("GET /e: HTTP 503");
        assertThat(breaker.untilTrial()).as("twice as long, jittered").isBetween(Duration.ofSeconds(6),
                Duration.ofSeconds(8));
        assertThat(breaker.health().firstFailure()).isEqualTo("GET /a: HTTP 503");

        advance(Duration.ofSeconds(8));
        assertThat(breaker.allow()).isTrue();
        breaker.succeeded();
        assertThat(breaker.health().state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.allow()).isTrue();
        assertThat(breaker.untilTrial()).isZero();
    }

    @Test
    void aLongOutageIsAQuarantineAndTheWaitStopsGrowingAtItsLongest() {
        for (int i = 0; i < 3; i++) {
            breaker.failed("GET /a: no reply");
        }
        for (int trial = 0; trial < 12; trial++) {
            advance(breaker.untilTrial());
            assertThat(breaker.allow()).isTrue();
            breaker.failed("GET /a: no reply");
            assertThat(breaker.untilTrial()).isLessThanOrEqualTo(Duration.ofSeconds(20));
        }
        assertThat(breaker.health().state()).isEqualTo(CircuitBreaker.State.OPEN);
        advance(Duration.ofMinutes(10));
        assertThat(breaker.health().state()).isEqualTo(CircuitBreaker.State.QUARANTINED);
        assertThat(breaker.allow()).isTrue();
        breaker.succeeded();
        assertThat(breaker.health().available()).isTrue();
    }

    @Test
    void aTrialThatEndedWithoutAnOutcomeMayGoAgain() {
        for (int i = 0; i < 3; i++) {
            breaker.failed("GET /a: HTTP 503");
        }
        advance(Duration.ofSeconds(4));
        assertThat(breaker.allow()).isTrue();
        assertThat(breaker.refusing()).as("its trial is out").isTrue();
        breaker.abandoned();
        assertThat(breaker.refusing()).isFalse();
        assertThat(breaker.allow()).isTrue();
    }

    @Test
    void anAnswerBetweenFailuresResetsTheCount() {
        breaker.failed("x");
        breaker.failed("x");
        breaker.succeeded();
        breaker.failed("x");
        breaker.failed("x");
        assertThat(breaker.health().state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }
}
