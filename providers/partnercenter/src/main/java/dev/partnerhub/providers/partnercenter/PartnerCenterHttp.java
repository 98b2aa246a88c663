package dev.partnerhub.providers.partnercenter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partnerhub.providers.spi.ProviderProtocolException;
import dev.partnerhub.providers.spi.http.JsonHttp;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Partner Center over {@link JsonHttp}: collections are {@code {totalCount, items, links}}, the next page is
 * {@code links.next} (a URI and the headers to send with it, such as {@code MS-ContinuationToken}).
 */
final class PartnerCenterHttp {

    private final JsonHttp http;

    PartnerCenterHttp(JsonHttp http) {
        this.http = http;
    }

    JsonHttp json() {
        return http;
    }

    /** Every item of a collection, following {@code links.next}. A page without its items array is an error. */
    List<JsonNode> getAll(String path, Map<String, String> query) {
        List<JsonNode> items = new ArrayList<>();
        JsonHttp.Reply reply = http.get(path, query);
        while (true) {
            JsonNode page = reply.body().get("items");
            if (page == null || !page.isArray()) {
                throw new ProviderProtocolException("GET " + path + ": the collection has no items array",
                        reply.status(), reply.trackingId(), null);
            }
            page.forEach(items::add);
            JsonNode next = reply.body().path("links").path("next");
            if (!next.hasNonNull("uri")) {
                return items;
            }
            Map<String, String> headers = new LinkedHashMap<>();
            next.path("headers").forEach(h -> headers.put(h.path("key").asText(), h.path("value").asText()));
            String uri = next.get("uri").asText();
            reply = http.getUrl(URI.create(uri.startsWith("http") ? uri : http.baseUrl() + uri), headers);
        }
    }
}
