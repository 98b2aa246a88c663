package dev.partnerhub.sandbox.webex;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partnerhub.sandbox.HubRequest;
import dev.partnerhub.sandbox.HubResponse;
import dev.partnerhub.sandbox.Json;
import dev.partnerhub.sandbox.Router;
import dev.partnerhub.sandbox.oauth.TokenIssuer;
import java.util.Map;
import java.util.UUID;

/**
 * Webex's token endpoint, {@code POST /v1/access_token} (Cisco's "Integrations" guide), for the refresh token grant
 * of an integration or a service app: a form with grant_type, client_id, client_secret and refresh_token, answered with
 * access_token, expires_in, refresh_token and refresh_token_expires_in. A refused grant is answered as Webex's
 * JavaScript SDK shows it ({@code error}, {@code error_description}, {@code trackingID}); its HTTP status (400, and 401
 * for a wrong client) is the hub's reading of RFC 6749.
 */
final class WebexTokenApi {

    private final TokenIssuer issuer;

    WebexTokenApi(TokenIssuer issuer) {
        this.issuer = issuer;
    }

    void register(Router router) {
        router.add("POST", "/v1/access_token", Router.Access.OPEN, this::token);
    }

    private HubResponse token(HubRequest r) {
        if (!"refresh_token".equals(HubRequest.optionalText(r.body(), "grant_type"))) {
            return refused(400, "unsupported_grant_type", "Only the refresh_token grant is supported here.");
        }
        try {
            TokenIssuer.Issued issued = issuer.refresh(TokenIssuer.Vendor.WEBEX, text(r, "client_id"),
                    text(r, "client_secret"), null, text(r, "refresh_token"));
            ObjectNode body = Json.object().put("access_token", issued.accessToken())
                    .put("expires_in", issued.accessLifetime().toSeconds()).put("refresh_token", issued.refreshToken())
                    .put("refresh_token_expires_in", issued.refreshLifetime().toSeconds()).put("token_type", "Bearer");
            return HubResponse.ok(body);
        } catch (TokenIssuer.GrantRefused e) {
            return switch (e.refusal()) {
                case UNKNOWN_CLIENT, WRONG_SECRET, WRONG_TENANT -> refused(401, "invalid_client",
                        "The client_id or client_secret provided is not valid.");
                default -> refused(400, "invalid_request",
                        "The refresh token provided is expired, revoked, malformed, or invalid.");
            };
        }
    }

    private static String text(HubRequest r, String field) {
        String value = HubRequest.optionalText(r.body(), field);
        return value == null ? "" : value;
    }

    private static HubResponse refused(int status, String error, String description) {
        return new HubResponse(status, Map.of(), Json.object().put("error", error).put("error_description", description)
                .put("trackingID", "LOCALHUB_" + UUID.randomUUID()));
    }
}
