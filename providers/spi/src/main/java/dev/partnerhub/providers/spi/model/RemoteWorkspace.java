package dev.partnerhub.providers.spi.model;

/** A workspace of a customer, as the provider reports it. */
public record RemoteWorkspace(String id, String userId, String displayName) {
}
