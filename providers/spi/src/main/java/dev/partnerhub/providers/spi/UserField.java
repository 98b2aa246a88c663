package dev.partnerhub.providers.spi;

/** A field of a user that the operator keeps as the spec says, and that a provider may or may not let it change. */
public enum UserField {
    PACKAGE("spec.package"),
    FIRST_NAME("spec.firstName"),
    LAST_NAME("spec.lastName"),
    DISPLAY_NAME("spec.displayName"),
    PHONE_NUMBER("spec.phoneNumber"),
    EXTENSION("spec.extension"),
    LOCATION("spec.locationId");

    private final String path;

    UserField(String path) {
        this.path = path;
    }

    /** The spec field, for messages. */
    public String path() {
        return path;
    }
}
