package dev.partnerhub.sandbox.oauth;

import dev.partnerhub.sandbox.HubError;
import dev.partnerhub.sandbox.HubRequest;
import dev.partnerhub.sandbox.HubResponse;
import dev.partnerhub.sandbox.Json;
import dev.partnerhub.sandbox.Router;
import java.time.Duration;
import java.util.Locale;

/**
 * The local admin endpoint's part for the identity services, the hub's own (no vendor API does this): register an
 * OAuth client, play the person who signs in with it (a refresh token), revoke a client's tokens. Open on loopback.
 */
public final class OAuthAdminApi {

    private final TokenIssuer issuer;

    public OAuthAdminApi(TokenIssuer issuer) {
        this.issuer = issuer;
    }

    public void register(Router router) {
        router.add("POST", "/admin/oauth/clients", Router.Access.OPEN, this::register)
                .add("POST", "/admin/oauth/sign-ins", Router.Access.OPEN, this::signIn)
                .add("POST", "/admin/oauth/revocations", Router.Access.OPEN, this::revoke);
    }

    /** {@code {vendor: webex|microsoft, clientId?, clientSecret?, tenantId? (microsoft)}}. */
    private HubResponse register(HubRequest r) {
        TokenIssuer.Vendor vendor;
        try {
            vendor = TokenIssuer.Vendor.valueOf(r.requiredText(r.body(), "vendor").toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw HubError.badRequest(HubError.HUB_MISSING_FIELD, "vendor must be webex or microsoft.");
        }
        String tenant = HubRequest.optionalText(r.body(), "tenantId");
        if (vendor == TokenIssuer.Vendor.MICROSOFT && tenant == null) {
            throw HubError.badRequest(HubError.HUB_MISSING_FIELD, "Missing required field: tenantId (the app's Microsoft Entra tenant).");
        }
        TokenIssuer.Client client = issuer.register(vendor, HubRequest.optionalText(r.body(), "clientId"),
                HubRequest.optionalText(r.body(), "clientSecret"), tenant);
        var body = Json.object().put("clientId", client.id()).put("clientSecret", client.secret());
        Json.put(body, "tenantId", client.tenant());
        return HubResponse.of(201, body);
    }

    /** {@code {clientId, lifetimeSeconds?}}: a refresh token, as a person's sign-in and consent would give it. */
    private HubResponse signIn(HubRequest r) {
        long seconds = r.body().path("lifetimeSeconds").asLong(0);
        String refresh;
        try {
            refresh = issuer.signIn(r.requiredText(r.body(), "clientId"), seconds > 0 ? Duration.ofSeconds(seconds)
                    : null);
        } catch (TokenIssuer.GrantRefused e) {
            throw HubError.notFound("OAuth client " + r.body().path("clientId").asText());
        }
        var body = Json.object().put("refreshToken", refresh);
        Json.put(body, "refreshTokenExpiresAt", issuer.refreshExpiry(refresh).orElse(null));
        return HubResponse.of(201, body);
    }

    /** {@code {clientId}} or {@code {refreshToken}}: revoked, with the access tokens issued from them. */
    private HubResponse revoke(HubRequest r) {
        int revoked = issuer.revoke(HubRequest.optionalText(r.body(), "clientId"),
                HubRequest.optionalText(r.body(), "refreshToken"));
        return HubResponse.ok(Json.object().put("revokedRefreshTokens", revoked));
    }
}
