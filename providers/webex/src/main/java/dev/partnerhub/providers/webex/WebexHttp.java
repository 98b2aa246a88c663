package dev.partnerhub.providers.webex;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partnerhub.providers.spi.errors.ProviderProtocolException;
import dev.partnerhub.providers.spi.http.JsonHttp;
import dev.partnerhub.providers.spi.http.Pages;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The Webex APIs over {@link JsonHttp}: its dialect, and lists paged through RFC 5988 Link headers. */
final class WebexHttp {

    private static final Pattern NEXT_LINK = Pattern.compile("<([^>]+)>\\s*;\\s*rel=\"?next\"?");

    private final JsonHttp http;

    WebexHttp(JsonHttp http) {
        this.http = http;
    }

    /** The API base URL, with its version ({@code https://webexapis.com/v1}). */
    String baseUrl() {
        return http.baseUrl();
    }

    JsonHttp.Reply get(String path, Map<String, String> query) {
        return http.get(path, query);
    }

    /** Every item of a paged list, following the Link headers. A page without its items array is an error. */
    List<JsonNode> getAll(String path, Map<String, String> query) {
        List<JsonNode> items = new ArrayList<>();
        URI next = http.uri(path, query);
        Pages pages = new Pages("GET " + next.getPath());
        while (next != null) {
            pages.follow(next, null);
            JsonHttp.Reply reply = http.getUrl(next);
            JsonNode page = reply.body().get("items");
            if (page == null || !page.isArray()) {
                throw new ProviderProtocolException("GET " + next.getPath() + ": the list reply has no items array",
                        reply.status(), reply.trackingId(), null);
            }
            page.forEach(items::add);
            String link = reply.header("Link");
            Matcher m = link == null ? null : NEXT_LINK.matcher(link);
            next = m != null && m.find() ? URI.create(m.group(1)) : null;
        }
        return items;
    }

    JsonHttp.Reply post(String path, Object body) {
        return http.post(path, body);
    }

    JsonHttp.Reply put(String path, Object body) {
        return http.put(path, body);
    }

    JsonHttp.Reply put(String path, Map<String, String> query, Object body) {
        return http.put(path, query, body);
    }

    JsonHttp.Reply patch(String path, Object body) {
        return http.patch(path, body);
    }

    JsonHttp.Reply delete(String path) {
        return http.delete(path);
    }
}
