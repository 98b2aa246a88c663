package dev.partnerhub.providers.webex;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partnerhub.providers.spi.ContactCenter;
import dev.partnerhub.providers.spi.http.JsonHttp;
import dev.partnerhub.providers.spi.model.Names;

/**
 * Contact Center's user synchronisation, Control Hub's "Synchronize users". Cisco's OpenAPI files document no
 * endpoint for it; this maps the local partner hub's own, {@code POST /contactCenter/users/sync}, and nothing else.
 */
final class WebexContactCenter implements ContactCenter {

    /** A Contact Center licence is one whose name says so, whatever its case ("Contact center Standard Agent"). */
    private static final String CONTACT_CENTER = "Contact Center";

    private final WebexHttp http;
    private final ObjectMapper mapper;

    WebexContactCenter(WebexHttp http, ObjectMapper mapper) {
        this.http = http;
        this.mapper = mapper;
    }

    @Override
    public boolean covers(String licenseName) {
        return Names.holds(licenseName, CONTACT_CENTER);
    }

    @Override
    public Sync sync(String orgId, String personId) {
        JsonHttp.Reply reply = http.post("/contactCenter/users/sync", mapper.createObjectNode().put("orgId", orgId)
                .put("personId", personId));
        String status = WebexJson.text(reply.body(), "syncStatus");
        boolean valid = "valid".equalsIgnoreCase(status);
        return new Sync(valid, status, valid ? null : WebexJson.text(reply.body(), "description"), reply.trackingId());
    }
}
