package dev.partnerhub.providers.spi;

/**
 * A user's own fields as the provider reports them; null where it does not report one (a Webex Wholesale
 * subscriber carries none of them, its person all).
 */
public record UserDetails(String firstName, String lastName, String displayName, String phoneNumber, String extension,
        String locationId, String usageLocation) {

    public static final UserDetails NONE = new UserDetails(null, null, null, null, null, null, null);
}
