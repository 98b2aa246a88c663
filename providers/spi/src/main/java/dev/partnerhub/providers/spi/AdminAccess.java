package dev.partnerhub.providers.spi;

/** The partner's rights in a customer org. */
public enum AdminAccess {
    /** The partner administers the whole org (it created it, or the org had no active licences when attached). */
    FULL_ADMIN,
    /** The partner may provision users and services only (automatic attach to an org with active licences). */
    PROVISIONING_ADMIN
}
