package dev.partnerhub.providers.webex;

import dev.partnerhub.providers.spi.AdminAccess;
import java.util.Map;
import java.util.Optional;

/** The partner's role in a customer org, from the orgs its administrator (the token's person) manages. */
final class PartnerAccess {

    private final WebexHttp http;

    PartnerAccess(WebexHttp http) {
        this.http = http;
    }

    Optional<AdminAccess> of(String orgId) {
        String me = WebexJson.text(http.get("/people/me", Map.of()).body(), "id");
        return http.getAll("/partner/organizations", Map.of("managedBy", me)).stream()
                .filter(o -> orgId.equals(WebexJson.text(o, "orgId")))
                .map(o -> String.valueOf(WebexJson.text(o, "role")).contains("provisioning")
                        ? AdminAccess.PROVISIONING_ADMIN : AdminAccess.FULL_ADMIN)
                .findFirst();
    }
}
