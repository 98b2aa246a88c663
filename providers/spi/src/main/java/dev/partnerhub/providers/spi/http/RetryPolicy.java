package dev.partnerhub.providers.spi.http;

import java.time.Duration;

/**
 * Bounds of the retries inside one call; a longer Retry-After is handed to the caller instead of slept.
 *
 * @param requestTimeout the whole of one exchange, headers and body
 */
public record RetryPolicy(int maxAttempts, Duration initialBackoff, Duration maxBackoff, Duration maxInlineWait,
        Duration requestTimeout) {

    public static RetryPolicy defaults() {
        return new RetryPolicy(4, Duration.ofMillis(250), Duration.ofSeconds(4), Duration.ofSeconds(5),
                Duration.ofSeconds(30));
    }
}
