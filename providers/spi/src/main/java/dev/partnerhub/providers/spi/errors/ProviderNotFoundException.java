package dev.partnerhub.providers.spi.errors;

import java.util.List;

/** The object does not exist in the provider (404). */
public class ProviderNotFoundException extends ProviderException {

    public ProviderNotFoundException(String message, List<RemoteError> errors, String trackingId) {
        super(message, 404, errors, trackingId, null);
    }
}
