package dev.partnerhub.providers.spi.errors;

/** An error as the provider reported it: its code, its description and the request's tracking ID. */
public record RemoteError(String code, String description, String trackingId) {
}
