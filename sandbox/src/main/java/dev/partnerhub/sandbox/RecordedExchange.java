package dev.partnerhub.sandbox;

import java.util.List;
import java.util.Map;

/** One request and its response as they crossed the wire; contract tests validate these against OpenAPI. */
public record RecordedExchange(String method, String path, Map<String, List<String>> query,
        Map<String, String> requestHeaders, String requestBody, int status, Map<String, String> responseHeaders,
        String responseBody) {
}
