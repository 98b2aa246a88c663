package dev.partnerhub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * One HTTP request as the hub's handlers see it: path parameters resolved, body parsed, header names in lower
 * case.
 */
public record HubRequest(String method, String path, Map<String, List<String>> query, Map<String, String> pathParams,
        JsonNode body, Map<String, String> headers) {

    /** A header's value, by its name in any case; null when absent. */
    public String header(String name) {
        return headers.get(name.toLowerCase(java.util.Locale.ROOT));
    }

    public String pathParam(String name) {
        return pathParams.get(name);
    }

    public String query(String name) {
        List<String> values = query.get(name);
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    /** A query parameter the endpoint requires, or a 400 naming it. */
    public String requiredQuery(String name) {
        String value = query(name);
        if (value == null || value.isBlank()) {
            throw HubError.badRequest(HubError.HUB_BAD_QUERY, "Missing required query parameter: " + name + ".");
        }
        return value;
    }

    public int queryInt(String name, int defaultValue) {
        String value = query(name);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw HubError.badRequest(HubError.HUB_BAD_QUERY, "Query parameter " + name + " must be a whole number.");
        }
    }

    /** A time filter: epoch milliseconds (preferred by Webex) or ISO 8601. */
    public java.time.Instant queryInstant(String name) {
        String value = query(name);
        if (value == null) {
            return null;
        }
        try {
            return value.chars().allMatch(Character::isDigit) ? java.time.Instant.ofEpochMilli(Long.parseLong(value))
                    : java.time.Instant.parse(value);
        } catch (RuntimeException e) {
            throw HubError.badRequest(HubError.HUB_BAD_QUERY, "Query parameter " + name + " must be epoch milliseconds or ISO 8601.");
        }
    }

    /** A required string field of the JSON body, or a 400 naming it. */
    public String requiredText(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || !value.isTextual() || value.asText().isBlank()) {
            throw HubError.badRequest(HubError.HUB_MISSING_FIELD, "Missing required field: " + field + ".");
        }
        return value.asText();
    }

    /** An update's value for a field: absent keeps {@code current}, an empty string clears it. */
    public static String updatedText(JsonNode node, String field, String current) {
        String value = optionalText(node, field);
        return value == null ? current : value.isEmpty() ? null : value;
    }

    public static String optionalText(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }
}
