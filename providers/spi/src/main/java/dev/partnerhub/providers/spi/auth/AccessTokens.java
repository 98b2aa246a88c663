package dev.partnerhub.providers.spi.auth;

import java.util.function.Supplier;

/**
 * The access token a connection's calls carry: a static one, or one an identity service issues and that is renewed
 * ({@link RenewingAccessTokens}). Never printed: it is a credential.
 */
public interface AccessTokens {

    /** The token for the next call; may renew it first when it is about to expire. */
    String current();

    /**
     * After the provider refused {@code rejected} as no longer valid: renews it once, where it can. Called by every
     * caller that got the refusal; only the first renews, the others find the new token.
     *
     * @return whether a new token is there to try the call again with
     */
    default boolean renewAfterRejection(String rejected) {
        return false;
    }

    /** A token read on each call (a Secret's, which a person may rotate at any time). */
    static AccessTokens of(Supplier<String> token) {
        return token::get;
    }
}
