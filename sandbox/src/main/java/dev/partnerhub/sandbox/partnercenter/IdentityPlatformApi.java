package dev.partnerhub.sandbox.partnercenter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partnerhub.sandbox.HubRequest;
import dev.partnerhub.sandbox.HubResponse;
import dev.partnerhub.sandbox.Json;
import dev.partnerhub.sandbox.Router;
import dev.partnerhub.sandbox.oauth.TokenIssuer;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;

/**
 * The Microsoft identity platform's v2 token endpoint, {@code POST /{tenant}/oauth2/v2.0/token} ("Refresh the access
 * token"), for Partner Center's App+User credentials: client_id, client_secret, grant_type=refresh_token,
 * refresh_token and a scope with Partner Center's user_impersonation. Refusals have Microsoft's error body
 * ({@code error, error_description, error_codes, timestamp, trace_id, correlation_id}) and its AADSTS codes: 70008
 * for an expired refresh token, 50173 for a revoked one, 7000215 for a wrong secret, 700016 for an app the tenant does
 * not know, 70011 for a scope without Partner Center.
 */
final class IdentityPlatformApi {

    static final String PARTNER_CENTER_SCOPE = "https://api.partnercenter.microsoft.com/user_impersonation";

    private final TokenIssuer issuer;

    IdentityPlatformApi(TokenIssuer issuer) {
        this.issuer = issuer;
    }

    void register(Router router) {
        router.add("POST", "/{tenant}/oauth2/v2.0/token", Router.Access.OPEN, this::token);
    }

    private HubResponse token(HubRequest r) {
        if (!"refresh_token".equals(HubRequest.optionalText(r.body(), "grant_type"))) {
            return refused(400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type.");
        }
        String scope = text(r, "scope");
        if (!java.util.List.of(scope.split(" ")).contains(PARTNER_CENTER_SCOPE)) {
            return refused(400, "invalid_scope", 70011, "The provided value for the input parameter 'scope' is not "
                    + "valid: it must name " + PARTNER_CENTER_SCOPE + ".");
        }
        try {
            TokenIssuer.Issued issued = issuer.refresh(TokenIssuer.Vendor.MICROSOFT, text(r, "client_id"),
                    text(r, "client_secret"), r.pathParam("tenant"), text(r, "refresh_token"));
            ObjectNode body = Json.object().put("token_type", "Bearer").put("scope", scope)
                    .put("expires_in", issued.accessLifetime().toSeconds())
                    .put("ext_expires_in", issued.accessLifetime().toSeconds())
                    .put("access_token", issued.accessToken()).put("refresh_token", issued.refreshToken());
            return HubResponse.ok(body);
        } catch (TokenIssuer.GrantRefused e) {
            return switch (e.refusal()) {
                case UNKNOWN_CLIENT, WRONG_TENANT -> refused(400, "unauthorized_client", 700016, "Application with "
                        + "identifier '" + text(r, "client_id") + "' was not found in the directory '"
                        + r.pathParam("tenant") + "'.");
                case WRONG_SECRET -> refused(401, "invalid_client", 7000215, "Invalid client secret provided.");
                case REVOKED -> refused(400, "invalid_grant", 50173, "The provided grant has expired due to it being "
                        + "revoked, a fresh auth token is needed.");
                default -> refused(400, "invalid_grant", 70008, "The provided authorization code or refresh token has "
                        + "expired due to inactivity.");
            };
        }
    }

    private static String text(HubRequest r, String field) {
        String value = HubRequest.optionalText(r.body(), field);
        return value == null ? "" : value;
    }

    private static HubResponse refused(int status, String error, int code, String description) {
        String trace = UUID.randomUUID().toString();
        String correlation = UUID.randomUUID().toString();
        String timestamp = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'").withZone(ZoneOffset.UTC)
                .format(Instant.now());
        ObjectNode body = Json.object().put("error", error).put("error_description", "AADSTS" + code + ": "
                + description + "\r\nTrace ID: " + trace + "\r\nCorrelation ID: " + correlation + "\r\nTimestamp: "
                + timestamp);
        body.putArray("error_codes").add(code);
        body.put("timestamp", timestamp).put("trace_id", trace).put("correlation_id", correlation);
        return new HubResponse(status, Map.of(), body);
    }
}
