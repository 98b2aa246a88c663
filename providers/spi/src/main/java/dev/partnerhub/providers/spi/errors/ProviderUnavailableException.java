package dev.partnerhub.providers.spi.errors;

import java.time.Duration;
import java.util.List;

/** A transient failure (rate limit, 5xx, timeout, lost reply): retry later, after {@link #retryAfter()} if set. */
public class ProviderUnavailableException extends ProviderException {

    private final Duration retryAfter;

    public ProviderUnavailableException(String message, int httpStatus, List<RemoteError> errors, String trackingId,
            Duration retryAfter, Throwable cause) {
        super(message, httpStatus, errors, trackingId, cause);
        this.retryAfter = retryAfter;
    }

    /** How long the provider asked us to wait, or null. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
