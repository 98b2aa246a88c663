package dev.partnerhub.providers.spi;

/**
 * Makes the provider of one connection; one per vendor, found with {@link java.util.ServiceLoader} and chosen by the
 * connection's kind ({@code spec.provider}).
 */
public interface ProviderFactory {

    /** The {@code spec.provider} value it serves, for example {@code webex}. */
    String kind();

    /** The vendor's public API base URL, used when a connection names no endpoint. */
    String defaultEndpoint();

    /**
     * The provider of one connection.
     *
     * @throws IllegalArgumentException when the settings cannot make one (a missing or unknown option); the
     *                                  message names the field and the fix
     */
    Provider create(ConnectionSettings settings);

    /** Whether it makes the provider of this connection: by default, of its kind. */
    default boolean accepts(String kind, String endpoint) {
        return kind().equals(kind);
    }

    /**
     * The vendor's token endpoint for a connection whose credentials are an OAuth client and a refresh token; null
     * when the vendor's connections take static tokens only.
     *
     * @throws IllegalArgumentException when the settings cannot make one; the message names the field and the fix
     */
    default dev.partnerhub.providers.spi.auth.TokenGrant tokenGrant(ConnectionSettings settings) {
        return null;
    }

    /**
     * Whether this vendor's OAuth clients belong to a tenant that the token endpoint is addressed by (Microsoft Entra):
     * a connection's Secret then holds {@code tenantId} besides the client and the refresh token.
     */
    default boolean clientsHaveTenant() {
        return false;
    }

    /** Of two factories that accept a connection, the one with the higher priority makes its provider. */
    default int priority() {
        return 0;
    }
}
