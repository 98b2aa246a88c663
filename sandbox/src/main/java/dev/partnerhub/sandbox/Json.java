package dev.partnerhub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.Collection;

/** Jackson helpers for the hub's wire format: absent rather than null, instants as RFC 3339 strings. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ObjectNode put(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
        return node;
    }

    public static ObjectNode put(ObjectNode node, String field, Instant value) {
        return put(node, field, value == null ? null : value.toString());
    }

    public static ArrayNode strings(Collection<String> values) {
        ArrayNode array = MAPPER.createArrayNode();
        values.forEach(array::add);
        return array;
    }

    /** A JSON text from a request (a query parameter); malformed is a 400. */
    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (java.io.IOException e) {
            throw HubError.badRequest(HubError.HUB_MALFORMED, "Not JSON: " + text);
        }
    }

    public static ObjectNode items(Collection<? extends JsonNode> items) {
        ObjectNode body = object();
        body.putArray("items").addAll(items);
        return body;
    }
}
