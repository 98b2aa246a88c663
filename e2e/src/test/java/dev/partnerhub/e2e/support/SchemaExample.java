package dev.partnerhub.e2e.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * A value for every property of a CRD's OpenAPI schema: each property of each object set, one item in each list, one
 * key in each map, the first value of each enum, a string that fits its pattern and length. What a resource holding
 * every field its CRD defines looks like, and which of those fields a stored resource lacks.
 */
public final class SchemaExample {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;

    /** Strings tried in turn for a property with a pattern; a pattern none of them fits fails with its name. */
    private static final List<String> PATTERNED = List.of("US", "en_us", "Europe/Paris", "12345", "+14155550100",
            "mail@example.com", "webex.example.com", "https://webexapis.com/v1",
            "0f0e0d0c-0b0a-4908-8706-050403020100", "name");

    private SchemaExample() {
    }

    /** A value of {@code schema} with every property filled. */
    public static JsonNode of(JsonNode schema) {
        return of(schema, "");
    }

    private static JsonNode of(JsonNode schema, String path) {
        if (schema.has("enum")) {
            return schema.get("enum").get(0);
        }
        switch (schema.path("type").asText()) {
            case "object" -> {
                ObjectNode object = JSON.objectNode();
                schema.path("properties").properties().forEach(p -> object.set(p.getKey(),
                        of(p.getValue(), path + "." + p.getKey())));
                if (schema.has("additionalProperties") && schema.get("additionalProperties").isObject()) {
                    object.set("key", of(schema.get("additionalProperties"), path + ".*"));
                }
                return object;
            }
            case "array" -> {
                ArrayNode array = JSON.arrayNode();
                array.add(of(schema.get("items"), path + "[]"));
                return array;
            }
            case "integer", "number" -> {
                return JSON.numberNode(Math.max(1, schema.path("minimum").asInt(1)));
            }
            case "boolean" -> {
                return JSON.booleanNode(true);
            }
            case "string" -> {
                return JSON.textNode(string(schema, path));
            }
            default -> throw new IllegalArgumentException(path + ": no example for type '" + schema.path("type")
                    .asText() + "'");
        }
    }

    private static String string(JsonNode schema, String path) {
        int max = schema.path("maxLength").asInt(Integer.MAX_VALUE);
        if (!schema.has("pattern")) {
            String value = path.substring(path.lastIndexOf('.') + 1).replace("[]", "").replace("*", "value");
            return value.substring(0, Math.min(value.length(), max));
        }
        Pattern pattern = Pattern.compile(schema.get("pattern").asText());
        return PATTERNED.stream().filter(s -> s.length() <= max && pattern.matcher(s).find()).findFirst()
                .orElseThrow(() -> new IllegalArgumentException(path + ": no example fits the pattern " + pattern
                        + "; add one to SchemaExample.PATTERNED"));
    }

    /** The properties of {@code schema} that {@code value} does not hold, by path ("spec.address.country"). */
    public static Set<String> missing(JsonNode schema, JsonNode value) {
        Set<String> missing = new TreeSet<>();
        missing(schema, value, "", missing);
        return missing;
    }

    private static void missing(JsonNode schema, JsonNode value, String path, Set<String> missing) {
        if (value == null || value.isMissingNode() || value.isNull()) {
            missing.add(path.isEmpty() ? "(the value)" : path.substring(1));
            return;
        }
        if (schema.path("type").asText().equals("object")) {
            for (Map.Entry<String, JsonNode> property : schema.path("properties").properties()) {
                missing(property.getValue(), value.get(property.getKey()), path + "." + property.getKey(), missing);
            }
            boolean map = schema.has("additionalProperties") && schema.get("additionalProperties").isObject();
            if (map && value.isEmpty()) {
                missing.add(path.substring(1) + ".*");
            }
        } else if (schema.path("type").asText().equals("array")) {
            if (value.isEmpty()) {
                missing.add(path.substring(1) + "[]");
            }
            value.forEach(item -> missing(schema.get("items"), item, path + "[]", missing));
        }
    }
}
