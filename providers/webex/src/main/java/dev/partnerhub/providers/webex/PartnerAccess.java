package dev.partnerhub.providers.webex;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partnerhub.providers.spi.errors.ProviderAuthenticationException;
import dev.partnerhub.providers.spi.errors.ProviderRejectedException;
import dev.partnerhub.providers.spi.model.AdminAccess;
import dev.partnerhub.providers.spi.model.Names;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The partner's role in each customer org, as Cisco's "Get all customers managed by a partner admin" gives it: the
 * orgs the administrator behind the token (the token's person, asked each time: a rotated token may be another
 * administrator's) manages, each with a role ID, whose name "List Roles" gives. The call fails for a partner full
 * administrator, who manages every customer anyway (Cisco gives no status for that failure: a 400 or a 403 is taken as
 * it): then the partner's role in each org is unknown, not assumed. Cisco documents the role as a "role ID" without
 * saying it is one of List Roles (its example decodes to a partner-portal role key): a role List Roles does not name
 * leaves that org's access unknown too, never guessed.
 */
final class PartnerAccess {

    /** The role that administers a whole org, by the name "List Roles" gives it (Cisco's own example of a role). */
    private static final String FULL_ADMINISTRATOR = "Full Administrator";

    private final WebexHttp http;

    PartnerAccess(WebexHttp http) {
        this.http = http;
    }

    Map<String, AdminAccess> all() {
        String me = WebexJson.required(http.get("/people/me", Map.of()).body(), "id", "person");
        Iterable<JsonNode> orgs;
        try {
            orgs = http.getAll("/partner/organizations", Map.of("managedBy", me));
        } catch (ProviderRejectedException e) {
            if (e.httpStatus() != 400) {
                throw e;
            }
            return Map.of();
        } catch (ProviderAuthenticationException e) {
            if (e.httpStatus() != 403) {
                throw e;
            }
            return Map.of();
        }
        Map<String, String> roleNames = new LinkedHashMap<>();
        http.getAll("/roles", Map.of()).forEach(r -> roleNames.put(WebexJson.required(r, "id", "role"),
                WebexJson.text(r, "name")));
        Map<String, AdminAccess> byOrg = new LinkedHashMap<>();
        for (JsonNode org : orgs) {
            String orgId = WebexJson.text(org, "orgId");
            String name = roleNames.get(WebexJson.text(org, "role"));
            if (orgId != null && name != null) {
                byOrg.put(orgId, new AdminAccess(Names.same(name, FULL_ADMINISTRATOR), name));
            }
        }
        return byOrg;
    }
}
