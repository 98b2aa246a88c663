package dev.partnerhub.providers.spi.model;

/** A field of a user's desired state, as a provider's capabilities name it. */
public enum UserField {
    /** The user's email address (or sign-in name where the provider keys users by it). */
    EMAIL,
    /** The user's identifier in a calling platform, distinct from the email. */
    USER_ID,
    FIRST_NAME,
    LAST_NAME,
    DISPLAY_NAME,
    PACKAGE,
    PHONE_NUMBER,
    EXTENSION,
    LOCATION,
    /** The country whose services the user may be licensed for. */
    USAGE_LOCATION,
    /** The site the user hosts meetings on (Control Hub's Preferred Webex Site), for a package with meetings. */
    PREFERRED_SITE
}
