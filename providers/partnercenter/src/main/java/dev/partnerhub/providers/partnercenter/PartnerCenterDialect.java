package dev.partnerhub.providers.partnercenter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partnerhub.providers.spi.errors.RemoteError;
import dev.partnerhub.providers.spi.http.Dialect;
import java.net.http.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Partner Center's headers and error bodies, as Microsoft's "Partner Center REST request and response headers" page
 * describes them. {@code MS-RequestId} names one request for idempotency: a retry whose reply never came (a lost reply,
 * a dropped connection) sends the same value, which makes a retried create safe, so POSTs are retried like reads; once
 * a reply came, success or failure, the next attempt is a new request with a new value. {@code MS-CorrelationId} is new
 * on every call. {@code MS-Contract-Version} is required: v1. Errors are {@code {code, description, data, source}}; a
 * throttled call's body is {@code {statusCode, message}}. A 401 whose code is 400 is "Access denied" in Microsoft's
 * error-code table: the call's rights, not the token's life, so it is not renewed for.
 */
final class PartnerCenterDialect implements Dialect {

    @Override
    public Map<String, String> attemptHeaders(String method, Map<String, String> previous, boolean replied) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("MS-RequestId", previous == null || replied ? UUID.randomUUID().toString()
                : previous.get("MS-RequestId"));
        headers.put("MS-CorrelationId", UUID.randomUUID().toString());
        headers.put("MS-Contract-Version", "v1");
        return headers;
    }

    @Override
    public boolean postIsIdempotent() {
        return true;
    }

    @Override
    public String trackingId(HttpHeaders headers, JsonNode body) {
        return headers.firstValue("MS-CorrelationId").orElse(null);
    }

    @Override
    public boolean tokenRefused(JsonNode body) {
        return !ACCESS_DENIED.equals(body.path("code").asText());
    }

    /** "Partner Center REST error codes": HTTP 401, code 400, access denied. */
    private static final String ACCESS_DENIED = "400";

    @Override
    public List<RemoteError> errors(JsonNode body, String trackingId) {
        if (body.hasNonNull("code")) {
            return List.of(new RemoteError(body.get("code").asText(), body.path("description").asText(null),
                    trackingId));
        }
        if (body.hasNonNull("statusCode")) {
            return List.of(new RemoteError(body.get("statusCode").asText(), body.path("message").asText(null),
                    trackingId));
        }
        return List.of();
    }
}
