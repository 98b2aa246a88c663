package dev.partnerhub.sandbox;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many calls the API endpoints received, per method and route template (for example
 * {@code POST /v1/wholesale/subscribers}): what a test or a benchmark reads to count the operator's provider calls.
 */
final class RequestCounts {

    /** How many seconds of the per-second series are kept. */
    private static final long KEPT_SECONDS = 3600;

    private final Map<String, LongAdder> counts = new ConcurrentHashMap<>();
    private final ConcurrentSkipListMap<Long, LongAdder> perSecond = new ConcurrentSkipListMap<>();

    void count(String method, String route) {
        counts.computeIfAbsent(method + " " + route, k -> new LongAdder()).increment();
        if (route.startsWith("/v1/")) {
            long second = System.currentTimeMillis() / 1000;
            perSecond.computeIfAbsent(second, k -> new LongAdder()).increment();
            perSecond.headMap(second - KEPT_SECONDS).clear();
        }
    }

    /**
     * The API calls of each second (epoch seconds of the real clock, not the hub's movable one) over the last hour:
     * what a benchmark reads to check a rate limit at the receiving end.
     */
    ObjectNode renderPerSecond() {
        ObjectNode node = Json.object();
        perSecond.forEach((k, v) -> node.put(Long.toString(k), v.sum()));
        return node;
    }

    ObjectNode render() {
        ObjectNode node = Json.object();
        new TreeMap<>(counts).forEach((k, v) -> node.put(k, v.sum()));
        return node;
    }

    void reset() {
        counts.clear();
        perSecond.clear();
    }
}
