package dev.partnerhub.provider;

/** A role that can be given to a person. */
public record RemoteRole(String id, String name) {
}
