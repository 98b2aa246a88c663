package dev.partnerhub.providers.webex;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partnerhub.providers.spi.AdminAccess;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The partner's role in each customer org, from the orgs its administrator (the token's person) manages. The token's
 * person is asked each time: a rotated token may be another administrator's.
 */
final class PartnerAccess {

    private final WebexHttp http;

    PartnerAccess(WebexHttp http) {
        this.http = http;
    }

    Map<String, AdminAccess> all() {
        String me = WebexJson.text(http.get("/people/me", Map.of()).body(), "id");
        Map<String, AdminAccess> byOrg = new LinkedHashMap<>();
        for (JsonNode org : http.getAll("/partner/organizations", Map.of("managedBy", me))) {
            String orgId = WebexJson.text(org, "orgId");
            if (orgId != null) {
                byOrg.put(orgId, String.valueOf(WebexJson.text(org, "role")).contains("provisioning")
                        ? AdminAccess.PROVISIONING_ADMIN : AdminAccess.FULL_ADMIN);
            }
        }
        return byOrg;
    }
}
