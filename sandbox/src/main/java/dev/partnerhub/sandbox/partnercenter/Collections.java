package dev.partnerhub.sandbox.partnercenter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partnerhub.sandbox.HubError;
import dev.partnerhub.sandbox.HubRequest;
import dev.partnerhub.sandbox.Json;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/**
 * Partner Center's collections: {@code {totalCount, items, links, attributes}}, {@code size} items a page. As
 * Microsoft's pages show them ("Get invoice unbilled consumption line items", "Get a list of all user accounts for a
 * customer"), the links are relative to the API's version root and carry no {@code /v1}; the next page is the same
 * path and query with {@code seekOperation=Next}, asked with the {@code MS-ContinuationToken} header that
 * {@code links.next.headers} names. The token's content is the hub's own (Microsoft's is opaque).
 */
final class Collections {

    private static final int DEFAULT_SIZE = 100;
    private static final int MAX_SIZE = 500;
    private static final String VERSION_ROOT = "/v1";

    private Collections() {
    }

    static ObjectNode page(HubRequest r, List<ObjectNode> all) {
        int size = r.queryInt("size", DEFAULT_SIZE);
        if (size < 1 || size > MAX_SIZE) {
            throw new HubError(400, PartnerCenterCodes.HUB_BAD_REQUEST, "size must be between 1 and " + MAX_SIZE + ".");
        }
        int from = "next".equalsIgnoreCase(r.query("seekOperation")) ? continuation(r) : 0;
        List<ObjectNode> items = all.subList(Math.min(from, all.size()), Math.min(from + size, all.size()));
        ObjectNode body = Json.object().put("totalCount", all.size());
        body.putArray("items").addAll(items);
        ObjectNode links = body.putObject("links");
        link(links.putObject("self"), relative(r.path()) + query(r, false));
        if (from + size < all.size()) {
            ObjectNode next = link(links.putObject("next"), relative(r.path()) + query(r, true));
            next.withArray("headers").addObject().put("key", "MS-ContinuationToken")
                    .put("value", token(r.path(), from + size));
        }
        body.putObject("attributes").put("objectType", "Collection");
        return body;
    }

    private static ObjectNode link(ObjectNode link, String uri) {
        link.put("uri", uri).put("method", "GET");
        link.putArray("headers");
        return link;
    }

    /** A path as Microsoft's links give it: relative to the version root, so without {@code /v1}. */
    private static String relative(String path) {
        return path.startsWith(VERSION_ROOT + "/") ? path.substring(VERSION_ROOT.length()) : path;
    }

    /** The request's own query (its size and filters), and for the next page {@code seekOperation=Next}. */
    private static String query(HubRequest r, boolean next) {
        List<String> pairs = new ArrayList<>();
        for (Map.Entry<String, List<String>> e : r.query().entrySet()) {
            if (!e.getKey().equalsIgnoreCase("seekOperation")) {
                e.getValue().forEach(v -> pairs.add(encode(e.getKey()) + "=" + encode(v)));
            }
        }
        if (next) {
            pairs.add("seekOperation=Next");
        }
        return pairs.isEmpty() ? "" : "?" + String.join("&", pairs);
    }

    /** Where a next page starts: its token must be one this collection gave. */
    private static int continuation(HubRequest r) {
        String token = r.header("MS-ContinuationToken");
        if (token == null || token.isBlank()) {
            throw new HubError(400, PartnerCenterCodes.HUB_BAD_REQUEST, "seekOperation=Next needs the MS-ContinuationToken header of links.next.");
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\\|", 2);
            if (parts.length == 2 && parts[1].equals(r.path())) {
                return Integer.parseInt(parts[0]);
            }
        } catch (IllegalArgumentException e) {
            // not a token of this hub: refused below
        }
        throw new HubError(400, PartnerCenterCodes.HUB_BAD_REQUEST, "The continuation token is not valid for " + r.path() + ".");
    }

    private static String token(String path, int from) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((from + "|" + path)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
