package dev.partnerhub.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ErrorStatusTest {

    @Test
    void theWaitGrowsWithHowLongTheResourceHasBeenFailingAndIsNeverLongerThanFiveMinutes() {
        Instant now = Instant.parse("2026-12-05T12:00:00Z");
        assertThat(ErrorStatus.backoff(now, now)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
        assertThat(ErrorStatus.backoff(now.minusSeconds(40), now)).isBetween(Duration.ofSeconds(20),
                Duration.ofSeconds(40));
        assertThat(ErrorStatus.backoff(now.minus(Duration.ofDays(3)), now)).isBetween(Duration.ofMinutes(2)
                .plusSeconds(30), Duration.ofMinutes(5));
    }

    @Test
    void resourcesThatFailedTogetherComeBackApart() {
        Instant now = Instant.parse("2026-12-05T12:00:00Z");
        Set<Duration> waits = new HashSet<>();
        for (int i = 0; i < 100; i++) {
            waits.add(ErrorStatus.backoff(now.minusSeconds(60), now));
        }
        assertThat(waits).as("100 resources failing for a minute").hasSizeGreaterThan(90)
                .allSatisfy(w -> assertThat(w).isBetween(Duration.ofSeconds(30), Duration.ofSeconds(60)));
    }

    @Test
    void aRescheduleIsSpreadOverUpToHalfAsLongAgain() {
        for (int i = 0; i < 200; i++) {
            assertThat(ErrorStatus.jittered(Duration.ofSeconds(10))).isBetween(Duration.ofSeconds(10),
                    Duration.ofSeconds(15));
        }
    }
}
