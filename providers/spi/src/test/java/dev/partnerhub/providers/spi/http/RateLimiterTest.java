package dev.partnerhub.providers.spi.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void aBurstPassesAtOnceAndTheNextCallerIsToldToWaitForTheSustainedRate() {
        // The clock stands still unless the test moves it: what the limiter decides depends on nothing else.
        AtomicLong now = new AtomicLong(1_000_000_000L);
        RateLimiter limiter = new RateLimiter(10, 3, now::get);
        assertThat(limiter.acquire()).isZero();
        assertThat(limiter.acquire()).isZero();
        assertThat(limiter.acquire()).isZero();
        assertThat(limiter.acquire()).isEqualTo(Duration.ofMillis(100));
        assertThat(limiter.acquire()).as("in debt by one permit already").isEqualTo(Duration.ofMillis(200));

        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(limiter.acquire()).as("refilled up to the burst, never beyond").isZero();
        assertThat(limiter.acquire()).isZero();
        assertThat(limiter.acquire()).isZero();
        assertThat(limiter.acquire()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void nonsensicalLimitsAreRefused() {
        assertThatThrownBy(() -> new RateLimiter(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimiter(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
