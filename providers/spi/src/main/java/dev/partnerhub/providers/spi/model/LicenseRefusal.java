package dev.partnerhub.providers.spi.model;

import dev.partnerhub.providers.spi.errors.RemoteError;

/** Why the provider refused one licence change, typed, with its error unchanged. */
public record LicenseRefusal(Reason reason, RemoteError error) {

    /** The typed reasons of group-based licensing. */
    public enum Reason { COUNT_VIOLATION, DEPENDENCY_VIOLATION, MUTUALLY_EXCLUSIVE_VIOLATION, OTHER }
}
