package dev.partnerhub.sandbox.webex;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partnerhub.sandbox.HubError;
import dev.partnerhub.sandbox.HubRequest;
import dev.partnerhub.sandbox.HubResponse;
import dev.partnerhub.sandbox.HubSettings;
import dev.partnerhub.sandbox.Json;
import dev.partnerhub.sandbox.Router;
import dev.partnerhub.sandbox.webex.WebexRecords.Subscriber;
import java.util.ArrayList;
import java.util.List;

/**
 * The Webex endpoints about the partner itself: who the token belongs to ({@code /people/me}), the customer
 * orgs it manages with its role in each ({@code /partner/organizations}), and the consent-to-move email.
 */
final class PartnerApi {

    /** The partner administrator behind the hub's token. */
    static final String PARTNER_ADMIN_ID = "cGFydG5lci1hZG1pbg";
    static final String PARTNER_ORG_ID = "cGFydG5lci1vcmc";

    private final WebexStore store;

    PartnerApi(WebexStore store) {
        this.store = store;
    }

    void register(Router router) {
        router.add("GET", "/v1/people/me", Router.Access.BEARER, r -> HubResponse.ok(me()))
                .add("GET", "/v1/partner/organizations", Router.Access.BEARER, this::managedOrgs)
                .add("POST", "/v1/subscribers/{subscriberId}/emails/consentMove", Router.Access.BEARER,
                        this::consentMove);
    }

    private ObjectNode me() {
        ObjectNode me = Json.object().put("id", PARTNER_ADMIN_ID);
        me.set("emails", Json.strings(List.of(HubSettings.PARTNER_ADMIN)));
        return me.put("displayName", "Partner Administrator").put("orgId", PARTNER_ORG_ID).put("type", "person");
    }

    /**
     * Each customer org the partner administrator manages, with the ID of its role there ("role ID of the user to this
     * org", Cisco's "Get all customers managed by a partner admin"): Full Administrator of the orgs it created, its
     * attach role otherwise. That the role is an ID of List Roles is the hub's own choice: Cisco says "role ID" and its
     * example decodes to a partner-portal role key, not to a List Roles ID. As Cisco documents, the call fails for a
     * partner full administrator ("already has access to all customers"); Cisco gives no status for it: the hub's 400
     * is its own.
     */
    private HubResponse managedOrgs(HubRequest r) {
        String managedBy = r.requiredQuery("managedBy");
        if (store.partnerFullAdmin && PARTNER_ADMIN_ID.equals(managedBy)) {
            throw HubError.badRequest(WebexCodes.HUB_PARTNER_FULL_ADMIN, "The user already has access to all "
                    + "customers managed by their partner organization.");
        }
        if (!PARTNER_ADMIN_ID.equals(managedBy)) {
            return HubResponse.ok(Json.items(List.of()));
        }
        List<ObjectNode> items = new ArrayList<>();
        for (WebexRecords.Customer c : store.customers.values()) {
            if (c.orgId == null || !c.status.startsWith("provisioned")) {
                continue;
            }
            String role = store.orgs.values().stream().filter(o -> c.id.equals(o.attachedTo))
                    .map(o -> o.partnerRole).findFirst().orElse(LicenseCatalog.roleId("id_full_admin"));
            items.add(Json.object().put("orgId", c.orgId).put("role", role));
        }
        for (WebexRecords.Enterprise e : store.enterprises.values()) {
            if (e.orgId != null) {
                String role = store.orgs.values().stream().filter(o -> e.id.equals(o.attachedTo))
                        .map(o -> o.partnerRole).findFirst().orElse(LicenseCatalog.roleId("id_full_admin"));
                items.add(Json.object().put("orgId", e.orgId).put("role", role));
            }
        }
        return HubResponse.ok(Json.items(items));
    }

    private HubResponse consentMove(HubRequest r) {
        Subscriber s = store.subscribers.get(r.pathParam("subscriberId"));
        if (s == null) {
            throw HubError.notFound("Subscriber " + r.pathParam("subscriberId"));
        }
        if (!"pending_user_migration".equals(s.status)) {
            throw HubError.conflict(WebexCodes.HUB_NO_MOVE_PENDING, "Subscriber " + s.id + " is " + s.status
                    + "; a consent email is sent only in pending_user_migration.");
        }
        store.consentEmails.merge(s.id, 1, Integer::sum);
        return HubResponse.noContent();
    }
}
