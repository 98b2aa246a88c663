package dev.partnerhub.providers.spi.errors;

import java.util.List;

/** The provider refused the credentials (401) or the permission (403). */
public class ProviderAuthenticationException extends ProviderException {

    public ProviderAuthenticationException(String message, int httpStatus, List<RemoteError> errors,
            String trackingId) {
        super(message, httpStatus, errors, trackingId, null);
    }
}
