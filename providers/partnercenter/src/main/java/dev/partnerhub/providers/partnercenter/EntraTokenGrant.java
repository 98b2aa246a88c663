package dev.partnerhub.providers.partnercenter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partnerhub.providers.spi.auth.OAuthClient;
import dev.partnerhub.providers.spi.auth.OAuthTokenEndpoint;
import dev.partnerhub.providers.spi.auth.TokenGrant;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Partner Center's App+User credentials through the Microsoft identity platform's v2 token endpoint (Microsoft's
 * "Refresh the access token" of the authorization code flow): the app's client ID and secret and a refresh token that
 * a partner user obtained once with MFA (the secure application model), for the Partner Center scope with
 * offline_access. Each reply brings a new refresh token, which replaces the old one; its lifetime is not in the reply:
 * Microsoft documents 90 days for such a token.
 */
final class EntraTokenGrant implements TokenGrant {

    /** Partner Center's delegated permission, and a refresh token with each reply. */
    static final String SCOPE = "https://api.partnercenter.microsoft.com/user_impersonation offline_access";
    private static final Duration REFRESH_LIFETIME = Duration.ofDays(90);

    private final String loginEndpoint;
    private final Function<String, OAuthTokenEndpoint> endpoints;

    /**
     * @param endpoints the token endpoint of a tenant's URL ({@code LOGIN/TENANT/oauth2/v2.0/token})
     */
    EntraTokenGrant(String loginEndpoint, Function<String, OAuthTokenEndpoint> endpoints) {
        this.loginEndpoint = loginEndpoint.endsWith("/") ? loginEndpoint.substring(0, loginEndpoint.length() - 1)
                : loginEndpoint;
        this.endpoints = endpoints;
    }

    @Override
    public Granted refresh(OAuthClient client, String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("client_id", client.clientId());
        form.put("client_secret", client.clientSecret());
        form.put("grant_type", "refresh_token");
        form.put("refresh_token", refreshToken);
        form.put("scope", SCOPE);
        JsonNode reply = endpoints.apply(loginEndpoint + "/" + client.tenantId() + "/oauth2/v2.0/token").post(form);
        return new Granted(reply.get("access_token").asText(), Duration.ofSeconds(reply.path("expires_in").asLong()),
                reply.hasNonNull("refresh_token") ? reply.get("refresh_token").asText() : null,
                reply.hasNonNull("refresh_token") ? REFRESH_LIFETIME : null);
    }
}
