package dev.partnerhub.providers.spi.errors;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * A call not sent because the connection's provider has failed every call since {@link #failingSince()} (its circuit
 * is open): one outage, which a resource reports once.
 */
public class ProviderOutageException extends ProviderUnavailableException {

    private final Instant failingSince;

    public ProviderOutageException(String message, Instant failingSince, Duration retryAfter) {
        super(message, 0, List.of(), null, retryAfter, null);
        this.failingSince = failingSince;
    }

    /** When the provider's run of failures began. */
    public Instant failingSince() {
        return failingSince;
    }
}
