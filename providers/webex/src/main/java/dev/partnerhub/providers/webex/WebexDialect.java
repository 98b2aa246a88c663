package dev.partnerhub.providers.webex;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partnerhub.providers.spi.errors.RemoteError;
import dev.partnerhub.providers.spi.http.Dialect;
import java.net.http.HttpHeaders;
import java.util.ArrayList;
import java.util.List;

/** Webex's error bodies ({@code message}, {@code errors[].errorCode}, {@code trackingId}) and its TrackingID header. */
final class WebexDialect implements Dialect {

    @Override
    public String trackingId(HttpHeaders headers, JsonNode body) {
        return body.hasNonNull("trackingId") ? body.get("trackingId").asText()
                : headers.firstValue("TrackingID").orElse(null);
    }

    @Override
    public List<RemoteError> errors(JsonNode body, String trackingId) {
        List<RemoteError> errors = new ArrayList<>();
        body.path("errors").forEach(e -> errors.add(new RemoteError(
                e.hasNonNull("errorCode") ? e.get("errorCode").asText() : e.path("code").asText(null),
                e.path("description").asText(body.path("message").asText(null)), trackingId)));
        return errors;
    }

    @Override
    public String message(JsonNode body) {
        return body.hasNonNull("message") ? body.get("message").asText() : null;
    }
}
