package dev.partnerhub.providers.spi.model;

/** What a provider's user status means, mapped by the vendor module from its own status strings. */
public enum UserState {
    PROVISIONING,
    /** A person must enter the user's email address. */
    PENDING_EMAIL_INPUT,
    /** A person must validate the user's email address. */
    PENDING_EMAIL_VALIDATION,
    /** A person must consent to move an existing account. */
    PENDING_USER_MIGRATION,
    UPDATING,
    PROVISIONED,
    ERROR,
    /** Deleted, and restorable until its deadline. */
    DELETED,
    UNKNOWN
}
