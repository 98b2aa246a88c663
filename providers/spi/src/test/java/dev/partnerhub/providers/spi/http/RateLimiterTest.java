package dev.partnerhub.providers.spi.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateLimiterTest {

    @Test
    void aBurstPassesAtOnceAndTheNextCallerIsToldToWaitForTheSustainedRate() {
        RateLimiter limiter = new RateLimiter(10, 3);
        assertThat(limiter.acquire()).isZero();
        assertThat(limiter.acquire()).isZero();
        assertThat(limiter.acquire()).isZero();
        Duration wait = limiter.acquire();
        assertThat(wait).isPositive().isLessThanOrEqualTo(Duration.ofMillis(100));
    }

    @Test
    void nonsensicalLimitsAreRefused() {
        assertThatThrownBy(() -> new RateLimiter(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimiter(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
