package dev.partnerhub.providers.spi.errors;

import java.util.List;

/**
 * A reply that is not what the provider's API documents (an HTML page, truncated JSON, a success without the IDs,
 * a list without its items) or that never arrived whole. Treated as transient, like an outage: never read as an
 * empty list or a missing ID, which could make the operator create everything again.
 */
public class ProviderProtocolException extends ProviderUnavailableException {

    public ProviderProtocolException(String message, int httpStatus, String trackingId, Throwable cause) {
        super(message, httpStatus, List.of(new RemoteError(null, message, trackingId)), trackingId, null, cause);
    }
}
