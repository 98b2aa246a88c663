package dev.partnerhub.providers.spi.auth;

import java.time.Duration;
import java.time.Instant;

/**
 * Tokens an identity service issued: an access token until its expiry, and the refresh token that gets the next one.
 *
 * @param accessToken           null before the first renewal
 * @param refreshTokenExpiresAt when the refresh token runs out; null when the service does not say
 */
public record IssuedTokens(String accessToken, Instant accessTokenExpiresAt, String refreshToken,
        Instant refreshTokenExpiresAt) {

    /** Whether the access token is there and good for at least {@code margin} more. */
    public boolean accessValidFor(Duration margin, Instant now) {
        return accessToken != null && accessTokenExpiresAt != null && accessTokenExpiresAt.minus(margin).isAfter(now);
    }

    @Override
    public String toString() {
        return "IssuedTokens[accessTokenExpiresAt=" + accessTokenExpiresAt + ", refreshTokenExpiresAt="
                + refreshTokenExpiresAt + "]";
    }
}
