package dev.partnerhub.providers.spi.model;

/** A field of a customer's desired state, as a provider's capabilities name it. */
public enum CustomerField {
    EXTERNAL_ID,
    ENTERPRISE_ID,
    TENANT_ID,
    ATTACH_ORG_ID,
    DISPLAY_NAME,
    PRIMARY_EMAIL,
    LANGUAGE,
    PROVISIONING_ID,
    PACKAGES,
    ADDRESS,
    /** The office calling packages are provisioned for (its name, address, time zone, language). */
    CALLING_LOCATION
}
