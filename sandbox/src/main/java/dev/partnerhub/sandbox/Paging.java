package dev.partnerhub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Webex-style paging: {@code max} items per page and an RFC 5988 {@code Link: <...>; rel="next"} header. */
public final class Paging {

    public static final int DEFAULT_MAX = 50;
    public static final int LIMIT = 100;

    private Paging() {
    }

    public static <T> HubResponse page(HubRequest request, String baseUrl, List<T> all, Function<T, JsonNode> render) {
        int max = Math.min(Math.max(request.queryInt("max", DEFAULT_MAX), 1), LIMIT);
        int offset = Math.max(request.queryInt("offset", 0), 0);
        List<JsonNode> items = all.stream().skip(offset).limit(max).map(render).toList();
        Map<String, String> headers = new HashMap<>();
        if (offset + max < all.size()) {
            Map<String, List<String>> next = new HashMap<>(request.query());
            next.put("offset", List.of(String.valueOf(offset + max)));
            next.put("max", List.of(String.valueOf(max)));
            String query = next.entrySet().stream()
                    .flatMap(e -> e.getValue().stream().map(v -> encode(e.getKey()) + "=" + encode(v)))
                    .sorted()
                    .collect(Collectors.joining("&"));
            headers.put("Link", "<" + baseUrl + request.path() + "?" + query + ">; rel=\"next\"");
        }
        return new HubResponse(200, headers, Json.items(items));
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8);
    }
}
