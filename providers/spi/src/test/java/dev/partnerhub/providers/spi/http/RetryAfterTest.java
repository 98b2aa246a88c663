package dev.partnerhub.providers.spi.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryAfterTest {

    private static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    @Test
    void secondsDecimalsAndHttpDatesAreRead() {
        assertThat(RetryAfter.parse("7", NOW)).isEqualTo(Duration.ofSeconds(7));
        assertThat(RetryAfter.parse(" 0 ", NOW)).isZero();
        assertThat(RetryAfter.parse("1.5", NOW)).isEqualTo(Duration.ofMillis(1500));
        assertThat(RetryAfter.parse("Sat, 05 Dec 2026 10:00:30 GMT", NOW)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void negativePastAndAbsurdValuesAreClampedAndGarbageIsIgnored() {
        assertThat(RetryAfter.parse("-3", NOW)).isZero();
        assertThat(RetryAfter.parse("Sat, 05 Dec 2026 09:59:00 GMT", NOW)).isZero();
        assertThat(RetryAfter.parse("86400", NOW)).isEqualTo(RetryAfter.LONGEST);
        assertThat(RetryAfter.parse("99999999999999999999999", NOW)).isEqualTo(RetryAfter.LONGEST);
        assertThat(RetryAfter.parse("Sun, 05 Dec 2027 10:00:00 GMT", NOW)).isEqualTo(RetryAfter.LONGEST);
        assertThat(RetryAfter.parse("1E+2147483647", NOW)).isEqualTo(RetryAfter.LONGEST);
        assertThat(RetryAfter.parse("-1e30", NOW)).isZero();
        assertThat(RetryAfter.parse("soon", NOW)).isNull();
        assertThat(RetryAfter.parse("", NOW)).isNull();
        assertThat(RetryAfter.parse(null, NOW)).isNull();
    }
}
