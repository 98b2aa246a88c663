package dev.partnerhub.cli.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Ages as the API server prints them in a Table's date column. */
class HumanAgeTest {

    @Test
    void eachRangeKeepsTheUnitsTheServerPrints() {
        assertThat(HumanAge.of(Duration.ofSeconds(45))).isEqualTo("45s");
        assertThat(HumanAge.of(Duration.ofSeconds(119))).isEqualTo("119s");
        assertThat(HumanAge.of(Duration.ofSeconds(200))).isEqualTo("3m20s");
        assertThat(HumanAge.of(Duration.ofMinutes(4))).isEqualTo("4m");
        assertThat(HumanAge.of(Duration.ofMinutes(25))).isEqualTo("25m");
        assertThat(HumanAge.of(Duration.ofMinutes(310))).isEqualTo("5h10m");
        assertThat(HumanAge.of(Duration.ofHours(30))).isEqualTo("30h");
        assertThat(HumanAge.of(Duration.ofHours(76))).isEqualTo("3d4h");
        assertThat(HumanAge.of(Duration.ofDays(400))).isEqualTo("400d");
        assertThat(HumanAge.of(Duration.ofDays(365 * 3 + 10))).isEqualTo("3y10d");
        assertThat(HumanAge.of(Duration.ofSeconds(-1))).as("a clock a second ahead").isEqualTo("0s");
        assertThat(HumanAge.of("2026-12-06T10:00:00Z", Instant.parse("2026-12-06T10:05:00Z"))).isEqualTo("5m");
        assertThat(HumanAge.of("yesterday", Instant.now())).isEqualTo("<invalid>");
    }
}
