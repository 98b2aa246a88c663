package dev.partnerhub.providers.partnercenter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partnerhub.sandbox.RecordedExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** The Microsoft identity platform's refresh grant, as {@link PartnerCenterContract} checks a run's token calls. */
final class IdentityPlatformContract {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final Pattern TOKEN_ENDPOINT = Pattern.compile("/[^/]+/oauth2/v2\\.0/token");
    private static final Set<String> GRANT_FIELDS = Set.of("client_id", "grant_type", "refresh_token", "scope",
            "client_secret");
    /** The refresh grant's reply, and ext_expires_in, which Partner Center's authentication page shows in its own. */
    private static final Set<String> TOKEN_FIELDS = Set.of("access_token", "token_type", "expires_in", "scope",
            "refresh_token", "id_token", "ext_expires_in");
    private static final Set<String> TOKEN_ERROR_FIELDS = Set.of("error", "error_description", "error_codes",
            "timestamp", "trace_id", "correlation_id", "error_uri");

    /**
     * The Microsoft identity platform's refresh grant (entra/identity-platform/v2-oauth2-auth-code-flow, "Refresh the
     * access token"): a form of client_id, grant_type=refresh_token, refresh_token, scope, client_secret; a reply of
     * the token fields, or of the error fields of reference-error-codes.
     */
    static void check(RecordedExchange e, List<String> violations) {
        String call = e.method() + " " + e.path() + " -> " + e.status() + " (v2-oauth2-auth-code-flow): ";
        Map<String, String> form = new HashMap<>();
        for (String pair : e.requestBody().split("&")) {
            int eq = pair.indexOf('=');
            form.put(URLDecoder.decode(pair.substring(0, Math.max(eq, 0)), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        form.keySet().stream().filter(k -> !GRANT_FIELDS.contains(k))
                .forEach(k -> violations.add(call + "form field " + k + " is not a parameter of the refresh grant"));
        if (!"POST".equals(e.method()) || !"refresh_token".equals(form.get("grant_type"))
                || !form.containsKey("client_id") || !form.containsKey("refresh_token")) {
            violations.add(call + "a refresh grant is a POST of client_id, grant_type=refresh_token, refresh_token");
        }
        try {
            JsonNode reply = MAPPER.readTree(e.responseBody());
            Set<String> allowed = e.status() == 200 ? TOKEN_FIELDS : TOKEN_ERROR_FIELDS;
            reply.fieldNames().forEachRemaining(f -> {
                if (!allowed.contains(f)) {
                    violations.add(call + "reply field " + f + " is not documented");
                }
            });
        } catch (java.io.IOException ex) {
            violations.add(call + "the reply is not JSON");
        }
    }

    static boolean isTokenCall(RecordedExchange e) {
        return TOKEN_ENDPOINT.matcher(e.path()).matches();
    }

    private IdentityPlatformContract() {
    }
}
