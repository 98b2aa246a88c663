package dev.partnerhub.providers.spi.errors;

import java.util.List;

/** The provider refused the request as given (4xx): retrying the same request will not help. */
public class ProviderRejectedException extends ProviderException {

    public ProviderRejectedException(String message, int httpStatus, List<RemoteError> errors, String trackingId) {
        super(message, httpStatus, errors, trackingId, null);
    }
}
