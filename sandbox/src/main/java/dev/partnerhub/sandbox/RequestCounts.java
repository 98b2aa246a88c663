package dev.partnerhub.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many calls the API endpoints received, per method and route template (for example
 * {@code POST /v1/wholesale/subscribers}): what a test or a benchmark reads to count the operator's provider calls.
 */
final class RequestCounts {

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();

    void count(String method, String route) {
        counts.computeIfAbsent(method + " " + route, k -> new LongAdder()).increment();
    }

    ObjectNode render() {
        ObjectNode node = Json.object();
        new TreeMap<>(counts).forEach((k, v) -> node.put(k, v.sum()));
        return node;
    }

    void reset() {
        counts.clear();
    }
}
