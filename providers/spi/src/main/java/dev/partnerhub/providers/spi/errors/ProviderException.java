package dev.partnerhub.providers.spi.errors;

import java.util.List;

/** A provider call that failed, with the provider's HTTP status, error codes, descriptions and tracking ID. */
public abstract class ProviderException extends RuntimeException {

    private final int httpStatus;
    private final List<RemoteError> errors;
    private final String trackingId;

    protected ProviderException(String message, int httpStatus, List<RemoteError> errors, String trackingId,
            Throwable cause) {
        super(message, cause);
        this.httpStatus = httpStatus;
        this.errors = List.copyOf(errors);
        this.trackingId = trackingId;
    }

    /** The HTTP status, or 0 when no response arrived. */
    public int httpStatus() {
        return httpStatus;
    }

    public List<RemoteError> errors() {
        return errors;
    }

    public String trackingId() {
        return trackingId;
    }
}
