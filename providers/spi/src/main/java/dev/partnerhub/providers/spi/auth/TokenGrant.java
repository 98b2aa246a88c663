package dev.partnerhub.providers.spi.auth;

import java.time.Duration;

/**
 * A vendor's token endpoint, for the refresh token grant: a new access token, and the refresh token to keep (a new
 * one where the service rotates them).
 */
public interface TokenGrant {

    /**
     * @throws dev.partnerhub.providers.spi.errors.ProviderAuthenticationException when the service refuses the client or the
     *         refresh token (expired, revoked): a person must sign in again
     * @throws dev.partnerhub.providers.spi.errors.ProviderUnavailableException when it cannot answer now
     */
    Granted refresh(OAuthClient client, String refreshToken);

    /**
     * What the service granted.
     *
     * @param refreshToken    the refresh token to keep from now on; null when the service sent none (keep the old)
     * @param refreshLifetime how long that refresh token lasts; null when the service does not say
     */
    record Granted(String accessToken, Duration accessLifetime, String refreshToken, Duration refreshLifetime) {

        @Override
        public String toString() {
            return "Granted[accessLifetime=" + accessLifetime + ", refreshLifetime=" + refreshLifetime + "]";
        }
    }
}
