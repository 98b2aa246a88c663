package dev.partnerhub.sandbox.partnercenter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partnerhub.sandbox.HubRequest;
import dev.partnerhub.sandbox.Json;
import java.util.List;

/**
 * Partner Center's collections: {@code {totalCount, items, links, attributes}}, {@code size} items a page; the next
 * page is {@code links.next}, a URI with the headers to send with it ({@code MS-ContinuationToken}).
 */
final class Collections {

    private static final int DEFAULT_SIZE = 100;

    private Collections() {
    }

    static ObjectNode page(HubRequest r, List<ObjectNode> all) {
        int size = r.queryInt("size", DEFAULT_SIZE);
        String token = r.header("MS-ContinuationToken");
        int from = token == null ? 0 : Integer.parseInt(token);
        List<ObjectNode> items = all.subList(Math.min(from, all.size()), Math.min(from + size, all.size()));
        ObjectNode body = Json.object().put("totalCount", all.size());
        body.putArray("items").addAll(items);
        ObjectNode links = body.putObject("links");
        if (from + size < all.size()) {
            String query = r.query("filter") == null ? "" : "&filter=" + java.net.URLEncoder.encode(r.query("filter"),
                    java.nio.charset.StandardCharsets.UTF_8);
            ObjectNode next = links.putObject("next").put("uri", r.path() + "?size=" + size + query)
                    .put("method", "GET");
            next.putArray("headers").addObject().put("key", "MS-ContinuationToken").put("value",
                    String.valueOf(from + size));
        }
        body.putObject("attributes").put("objectType", "Collection");
        return body;
    }
}
