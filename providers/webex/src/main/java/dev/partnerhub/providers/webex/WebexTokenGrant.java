package dev.partnerhub.providers.webex;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partnerhub.providers.spi.auth.OAuthClient;
import dev.partnerhub.providers.spi.auth.OAuthTokenEndpoint;
import dev.partnerhub.providers.spi.auth.TokenGrant;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Webex's token endpoint ({@code POST /v1/access_token}, Cisco's "Integrations" and "Service Apps" guides): the refresh
 * token grant of an integration or a service app, with its client ID and secret. The reply gives the access token's
 * lifetime ({@code expires_in}) and the refresh token's ({@code refresh_token_expires_in}); Webex may send the same
 * refresh token again, with its remaining or a renewed lifetime.
 */
final class WebexTokenGrant implements TokenGrant {

    private final OAuthTokenEndpoint endpoint;

    WebexTokenGrant(OAuthTokenEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public Granted refresh(OAuthClient client, String refreshToken) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("grant_type", "refresh_token");
        form.put("client_id", client.clientId());
        form.put("client_secret", client.clientSecret());
        form.put("refresh_token", refreshToken);
        JsonNode reply = endpoint.post(form);
        return new Granted(reply.get("access_token").asText(), Duration.ofSeconds(reply.path("expires_in").asLong()),
                reply.hasNonNull("refresh_token") ? reply.get("refresh_token").asText() : null,
                reply.hasNonNull("refresh_token_expires_in")
                        ? Duration.ofSeconds(reply.get("refresh_token_expires_in").asLong()) : null);
    }
}
