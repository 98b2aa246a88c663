package dev.partnerhub.providers.spi.model;

/**
 * A user's own fields as the provider reports them; null where it does not report one (a Webex Wholesale
 * subscriber carries none of them, its person all).
 */
public record UserDetails(String firstName, String lastName, String displayName, String phoneNumber, String extension,
        String locationId, String usageLocation, String preferredSite) {

    public static final UserDetails NONE = new UserDetails(null, null, null, null, null, null, null, null);

    /** Details without a meeting site (a subscriber's, or a provider without sites). */
    public UserDetails(String firstName, String lastName, String displayName, String phoneNumber, String extension,
            String locationId, String usageLocation) {
        this(firstName, lastName, displayName, phoneNumber, extension, locationId, usageLocation, null);
    }
}
