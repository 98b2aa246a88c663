package dev.partnerhub.providers.spi.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Access tokens that renew themselves through a vendor's token endpoint before they expire, and once after the
 * provider refused one (its clock, a revocation); renewed tokens are kept in a {@link TokenStore}, which is read
 * first, so that a token another process renewed is used rather than renewed again. One renewal at a time.
 */
public final class RenewingAccessTokens implements AccessTokens {

    private final TokenGrant grant;
    private final OAuthClient client;
    private final TokenStore store;
    private final Clock clock;
    private final Duration margin;
    private IssuedTokens tokens;

    /**
     * @param margin how long before its expiry an access token is renewed
     */
    public RenewingAccessTokens(TokenGrant grant, OAuthClient client, TokenStore store, Clock clock, Duration margin) {
        this.grant = grant;
        this.client = client;
        this.store = store;
        this.clock = clock;
        this.margin = margin;
    }

    @Override
    public synchronized String current() {
        if (tokens == null || !tokens.accessValidFor(margin, clock.instant())) {
            renew(null);
        }
        return tokens.accessToken();
    }

    @Override
    public synchronized boolean renewAfterRejection(String rejected) {
        if (tokens != null && !Objects.equals(tokens.accessToken(), rejected)) {
            return true;
        }
        renew(rejected);
        return true;
    }

    /** The client whose tokens these are. */
    public OAuthClient client() {
        return client;
    }

    /** The tokens in use, for the connection's status; null before the first call. */
    public synchronized IssuedTokens tokens() {
        return tokens;
    }

    /** Takes the stored tokens when they are good (and not the one refused), else renews them and keeps the new. */
    private void renew(String refused) {
        IssuedTokens stored = store.load();
        Redaction.remember(stored.accessToken());
        Redaction.remember(stored.refreshToken());
        if (stored.accessValidFor(margin, clock.instant()) && !Objects.equals(stored.accessToken(), refused)) {
            tokens = stored;
            return;
        }
        TokenGrant.Granted granted = grant.refresh(client, stored.refreshToken());
        Redaction.remember(granted.accessToken());
        Redaction.remember(granted.refreshToken());
        Instant now = clock.instant();
        boolean sameRefresh = granted.refreshToken() == null || granted.refreshToken().equals(stored.refreshToken());
        IssuedTokens issued = new IssuedTokens(granted.accessToken(), now.plus(granted.accessLifetime()),
                granted.refreshToken() == null ? stored.refreshToken() : granted.refreshToken(),
                granted.refreshLifetime() != null ? now.plus(granted.refreshLifetime())
                        : sameRefresh ? stored.refreshTokenExpiresAt() : null);
        tokens = store.save(stored, issued);
    }
}
