package dev.partnerhub.providers.partnercenter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partnerhub.providers.spi.errors.ProviderProtocolException;
import dev.partnerhub.providers.spi.http.JsonHttp;
import dev.partnerhub.providers.spi.http.Pages;
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
    List<JsonNode> getAll(String path, Map<String, ?> query) {
        List<JsonNode> items = new ArrayList<>();
        JsonHttp.Reply reply = http.get(path, query);
        Pages pages = new Pages("GET " + path);
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
            URI link = resolve(next.get("uri").asText());
            pages.follow(link, headers.get("MS-ContinuationToken"));
            reply = http.getUrl(link, headers);
        }
    }

    /**
     * A link of a reply as a URL of this connection. Microsoft's links are relative to the API's version root and
     * mostly leave out its {@code /v1} ("/customers/{id}/users?size=100&seekOperation=Next"), some carry it
     * ("/v1/customers?size=40"): {@code /v1} is put in front where it is missing, as Microsoft's own SDK does. An
     * absolute link is taken as it is; {@link JsonHttp#getUrl} refuses one to another host.
     */
    private URI resolve(String uri) {
        URI link = URI.create(uri);
        if (link.isAbsolute()) {
            return link;
        }
        String relative = uri.startsWith(VERSION_ROOT + "/") ? uri : VERSION_ROOT + (uri.startsWith("/") ? "" : "/")
                + uri;
        return URI.create(http.baseUrl() + relative);
    }

    private static final String VERSION_ROOT = "/v1";
}
