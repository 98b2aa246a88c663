package dev.partnerhub.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class ErrorStatusTest {

    @Test
    void aResourceWhoseRetriesAreSpentIsLookedAtAgainByItself() {
        assertThat(ErrorStatus.next(null, false)).as("the framework's retry").isNull();
        assertThat(ErrorStatus.next(null, true)).isEqualTo(ErrorStatus.AFTER_RETRIES);
        assertThat(ErrorStatus.next(Duration.ofSeconds(40), true)).as("the provider's word first")
                .isEqualTo(Duration.ofSeconds(40));
    }

    @Test
    void aRescheduleIsSpreadOverUpToHalfAsLongAgain() {
        for (int i = 0; i < 200; i++) {
            assertThat(ErrorStatus.jittered(Duration.ofSeconds(10))).isBetween(Duration.ofSeconds(10),
                    Duration.ofSeconds(15));
        }
    }
}
