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
        RateLimiter limiter = new RateLimiter(10, 3, now::get, now::addAndGet);
        assertThat(limiter.acquire()).isZero();
        assertThat(limiter.acquire()).isZero();
        assertThat(limiter.acquire()).isZero();
        assertThat(limiter.acquire()).isEqualTo(Duration.ofMillis(100));
        assertThat(limiter.acquire()).isEqualTo(Duration.ofMillis(100));

        now.addAndGet(Duration.ofSeconds(10).toNanos());
        assertThat(limiter.acquire()).as("refilled up to the burst, never beyond").isZero();
        assertThat(limiter.acquire()).isZero();
        assertThat(limiter.acquire()).isZero();
        assertThat(limiter.acquire()).isEqualTo(Duration.ofMillis(100));
    }

    @Test
    void aPauseHoldsEveryCallerUntilItEndsAndThenLetsThemGoOneByOneAtTheSustainedRate() {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        RateLimiter limiter = new RateLimiter(10, 3, now::get, now::addAndGet);
        limiter.pause(Duration.ofSeconds(2));
        assertThat(limiter.pausedFor()).isEqualTo(Duration.ofSeconds(2));
        assertThat(limiter.acquire()).as("the burst saved before the pause is not spent at its end")
                .isEqualTo(Duration.ofSeconds(2));
        assertThat(limiter.acquire()).isEqualTo(Duration.ofMillis(100));
        assertThat(limiter.pausedFor()).isZero();
        assertThat(limiter.acquire()).isEqualTo(Duration.ofMillis(100));
        limiter.pause(Duration.ofSeconds(5));
        limiter.pause(Duration.ofSeconds(1));
        assertThat(limiter.pausedFor()).as("a shorter pause does not end a longer one").isEqualTo(Duration.ofSeconds(5));
        limiter.pause(Duration.ofSeconds(-3));
        assertThat(limiter.pausedFor()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aPauseThatEndsBeforeTheNextTurnChangesNothing() {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        RateLimiter limiter = new RateLimiter(10, 1, now::get, now::addAndGet);
        for (int call = 0; call < 20; call++) {
            // Every call answered with Retry-After: 0: the provider's pause does not give a permit away.
            limiter.acquire();
            limiter.pause(Duration.ZERO);
        }
        assertThat(now.get() - 1_000_000_000L).as("20 calls at 10 per second, the first at once")
                .isEqualTo(Duration.ofMillis(1900).toNanos());
    }

    @Test
    void aCallerAlreadyWaitingWhenAPauseBeginsWaitsForItsEnd() {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        RateLimiter[] limiter = new RateLimiter[1];
        AtomicLong parks = new AtomicLong();
        limiter[0] = new RateLimiter(10, 1, now::get, nanos -> {
            if (parks.getAndIncrement() == 0) {
                // While this caller waits for its permit, another one is told by the provider to slow down.
                limiter[0].pause(Duration.ofSeconds(3));
            }
            now.addAndGet(nanos);
        });
        limiter[0].acquire();
        Duration waited = limiter[0].acquire();
        assertThat(waited).as("its 100 ms turn, moved back by the 3 s pause").isEqualTo(Duration.ofMillis(3100));
        assertThat(parks.get()).isEqualTo(2);
    }

    @Test
    void aCallerHeldByAPauseLongerThanItMayWaitStopsWaiting() {
        AtomicLong now = new AtomicLong(1_000_000_000L);
        RateLimiter[] limiter = new RateLimiter[1];
        limiter[0] = new RateLimiter(10, 1, now::get, nanos -> {
            limiter[0].pause(Duration.ofMinutes(10));
            now.addAndGet(nanos);
        });
        limiter[0].acquire();
        assertThat(limiter[0].acquire(Duration.ofSeconds(5))).as("its turn moved ten minutes back").isEmpty();
        assertThat(limiter[0].pausedFor()).isPositive();
    }

    @Test
    void nonsensicalLimitsAreRefused() {
        assertThatThrownBy(() -> new RateLimiter(0, 1)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RateLimiter(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }
}
