package dev.partnerhub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;

/** What a handler answers: status, extra headers and an optional JSON body. */
public record HubResponse(int status, Map<String, String> headers, JsonNode body) {

    public static HubResponse ok(JsonNode body) {
        return new HubResponse(200, Map.of(), body);
    }

    public static HubResponse of(int status, JsonNode body) {
        return new HubResponse(status, Map.of(), body);
    }

    public static HubResponse noContent() {
        return new HubResponse(204, Map.of(), null);
    }
}
