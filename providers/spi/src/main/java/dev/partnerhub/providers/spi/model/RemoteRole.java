package dev.partnerhub.providers.spi.model;

/** A role that can be given to a person. */
public record RemoteRole(String id, String name) {
}
