package dev.partnerhub.providers.partnercenter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partnerhub.providers.spi.RemoteError;
import dev.partnerhub.providers.spi.http.JsonHttp;
import java.net.http.HttpHeaders;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Partner Center's headers and error bodies. Each logical call carries its own {@code MS-RequestId}, sent unchanged
 * on every retry of it: the idempotency key that makes a retried create safe, so POSTs are retried like reads.
 * Errors are {@code {code, description, data, source}}; a throttled call's body is {@code {statusCode, message}}.
 */
final class PartnerCenterDialect implements JsonHttp.Dialect {

    @Override
    public Map<String, String> callHeaders(String method) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("MS-RequestId", UUID.randomUUID().toString());
        headers.put("MS-CorrelationId", UUID.randomUUID().toString());
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
