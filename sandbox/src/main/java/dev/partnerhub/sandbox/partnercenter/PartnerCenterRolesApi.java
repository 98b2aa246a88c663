package dev.partnerhub.sandbox.partnercenter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partnerhub.sandbox.HubError;
import dev.partnerhub.sandbox.HubRequest;
import dev.partnerhub.sandbox.HubResponse;
import dev.partnerhub.sandbox.Json;
import dev.partnerhub.sandbox.Router;
import dev.partnerhub.sandbox.partnercenter.PartnerCenterStore.DirectoryRole;
import dev.partnerhub.sandbox.partnercenter.PartnerCenterStore.Tenant;
import dev.partnerhub.sandbox.partnercenter.PartnerCenterStore.User;
import java.util.List;

/**
 * The directory roles of a customer tenant and their user members: "Get all the available directory roles", "Get user
 * roles for a customer", the members of a role, "Set user roles for a customer" (201 with the UserMember) and "Remove a
 * customer user from a role" (204). Microsoft documents no error for adding a member twice or removing a non-member:
 * the hub's 409 and 404 there, and their code 60030, are its own. A role's members are its active users.
 */
final class PartnerCenterRolesApi {

    private final PartnerCenterStore store;

    PartnerCenterRolesApi(PartnerCenterStore store) {
        this.store = store;
    }

    void register(Router router) {
        String roles = "/v1/customers/{tenant}/directoryroles";
        router.add("GET", roles, Router.Access.BEARER, r -> {
            Tenant tenant = store.tenant(r.pathParam("tenant"));
            return HubResponse.ok(Collections.page(r, tenant.roles.values().stream().map(PartnerCenterRolesApi::render)
                    .toList()));
        }).add("GET", "/v1/customers/{tenant}/users/{user}/directoryroles", Router.Access.BEARER, r -> {
            Tenant tenant = store.tenant(r.pathParam("tenant"));
            User user = store.user(tenant, r.pathParam("user"));
            return HubResponse.ok(Collections.page(r, tenant.roles.values().stream()
                    .filter(role -> role.members.contains(user.id)).map(PartnerCenterRolesApi::render).toList()));
        }).add("GET", roles + "/{role}/usermembers", Router.Access.BEARER, r -> {
            Tenant tenant = store.tenant(r.pathParam("tenant"));
            DirectoryRole role = store.role(tenant, r.pathParam("role"));
            // A deleted user is no member while it is deleted (its membership comes back with a restore: the hub's
            // choice, Microsoft's pages say nothing of it); a purged one has left every role (PartnerCenterStore.settle).
            return HubResponse.ok(Collections.page(r, role.members.stream().map(tenant.users::get)
                    .filter(u -> u.active).map(u -> member(u, role)).toList()));
        }).add("POST", roles + "/{role}/usermembers", Router.Access.BEARER, this::add)
                .add("DELETE", roles + "/{role}/usermembers/{user}", Router.Access.BEARER, this::remove);
    }

    /** The body is a UserMember: Id, DisplayName, UserPrincipalName and Attributes.ObjectType, all required. */
    private HubResponse add(HubRequest r) {
        Tenant tenant = store.tenant(r.pathParam("tenant"));
        DirectoryRole role = store.role(tenant, r.pathParam("role"));
        JsonNode body = r.body();
        for (String field : List.of("Id", "DisplayName", "UserPrincipalName")) {
            r.requiredText(body, field);
        }
        if (!"UserMember".equals(body.path("Attributes").path("ObjectType").asText())) {
            throw new HubError(400, PartnerCenterCodes.HUB_BAD_REQUEST, "Attributes.ObjectType must be UserMember.");
        }
        User user = store.user(tenant, body.get("Id").asText());
        if (!user.active || !user.upn.equalsIgnoreCase(body.get("UserPrincipalName").asText())) {
            throw new HubError(404, PartnerCenterCodes.USER_NOT_FOUND, "User object id " + user.id + " with userPrincipalName "
                    + body.get("UserPrincipalName").asText() + " was not found.");
        }
        if (!role.members.add(user.id)) {
            throw new HubError(409, PartnerCenterCodes.HUB_ALREADY_MEMBER, "User " + user.upn + " is already a member of " + role.name + ".");
        }
        return HubResponse.of(201, member(user, role));
    }

    private HubResponse remove(HubRequest r) {
        Tenant tenant = store.tenant(r.pathParam("tenant"));
        DirectoryRole role = store.role(tenant, r.pathParam("role"));
        if (!role.members.remove(r.pathParam("user"))) {
            throw new HubError(404, PartnerCenterCodes.USER_NOT_FOUND, "User object id " + r.pathParam("user") + " is not a member of " + role.name
                    + ".");
        }
        return HubResponse.noContent();
    }

    private static ObjectNode render(DirectoryRole role) {
        ObjectNode node = Json.object().put("name", role.name).put("id", role.id);
        node.putObject("attributes").put("objectType", "DirectoryRole");
        return node;
    }

    private static ObjectNode member(User user, DirectoryRole role) {
        ObjectNode node = Json.object().put("displayName", user.displayName).put("userPrincipalName", user.upn)
                .put("roleId", role.id).put("id", user.id);
        node.putObject("attributes").put("objectType", "UserMember");
        return node;
    }
}
