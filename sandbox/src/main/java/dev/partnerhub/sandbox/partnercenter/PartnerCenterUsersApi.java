package dev.partnerhub.sandbox.partnercenter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partnerhub.sandbox.HubError;
import dev.partnerhub.sandbox.HubRequest;
import dev.partnerhub.sandbox.HubResponse;
import dev.partnerhub.sandbox.Json;
import dev.partnerhub.sandbox.Router;
import dev.partnerhub.sandbox.partnercenter.PartnerCenterStore.Tenant;
import dev.partnerhub.sandbox.partnercenter.PartnerCenterStore.User;
import java.util.List;
import java.util.UUID;

/**
 * Partner Center's customers and their users: create with a temporary password, get, list (the active ones, or the
 * deleted ones with the Inactive filter), update, reset the password, delete (inactive for 30 days) and restore.
 */
final class PartnerCenterUsersApi {

    private final PartnerCenterStore store;

    PartnerCenterUsersApi(PartnerCenterStore store) {
        this.store = store;
    }

    void register(Router router) {
        router.add("GET", "/v1/customers", Router.Access.BEARER, r -> HubResponse.ok(Collections.page(r,
                        store.tenants.values().stream().map(PartnerCenterUsersApi::render).toList())))
                .add("GET", "/v1/customers/{tenant}", Router.Access.BEARER, r -> HubResponse.ok(render(store.tenant(
                        r.pathParam("tenant")))))
                .add("GET", "/v1/customers/{tenant}/users", Router.Access.BEARER, this::list)
                .add("POST", "/v1/customers/{tenant}/users", Router.Access.BEARER, this::create)
                .add("GET", "/v1/customers/{tenant}/users/{user}", Router.Access.BEARER, r -> HubResponse.ok(
                        render(store.user(store.tenant(r.pathParam("tenant")), r.pathParam("user")))))
                .add("PATCH", "/v1/customers/{tenant}/users/{user}", Router.Access.BEARER, this::patch)
                .add("DELETE", "/v1/customers/{tenant}/users/{user}", Router.Access.BEARER, this::delete);
    }

    private HubResponse list(HubRequest r) {
        Tenant tenant = store.tenant(r.pathParam("tenant"));
        boolean inactive = inactiveFilter(r.query("filter"));
        List<ObjectNode> users = tenant.users.values().stream().filter(u -> u.active != inactive)
                .map(PartnerCenterUsersApi::render).toList();
        return HubResponse.ok(Collections.page(r, users));
    }

    /** The deleted-users view: {@code {"Field":"UserState","Value":"Inactive","Operator":"equals"}}. */
    private static boolean inactiveFilter(String filter) {
        if (filter == null) {
            return false;
        }
        JsonNode f = Json.parse(filter);
        if (!"UserState".equalsIgnoreCase(f.path("Field").asText()) || !"equals".equalsIgnoreCase(
                f.path("Operator").asText())) {
            throw new HubError(400, PartnerCenterCodes.HUB_BAD_REQUEST, "Unsupported filter: " + filter + ".");
        }
        return "Inactive".equalsIgnoreCase(f.path("Value").asText());
    }

    private HubResponse create(HubRequest r) {
        Tenant tenant = store.tenant(r.pathParam("tenant"));
        JsonNode body = r.body();
        String upn = r.requiredText(body, "userPrincipalName");
        if (tenant.users.values().stream().anyMatch(u -> u.upn.equalsIgnoreCase(upn))) {
            throw new HubError(409, PartnerCenterCodes.HUB_DUPLICATE_UPN, "Another object with the same userPrincipalName " + upn + " already exists "
                    + "(an active or a deleted user).");
        }
        User user = new User();
        user.id = UUID.randomUUID().toString();
        user.upn = upn;
        user.displayName = r.requiredText(body, "displayName");
        fields(user, body);
        checkPassword(body.path("passwordProfile").path("password").asText(null));
        user.created = store.now();
        tenant.users.put(user.id, user);
        return HubResponse.ok(render(user));
    }

    /** An update of fields, a password reset, or a restore ({@code State: active}). */
    private HubResponse patch(HubRequest r) {
        Tenant tenant = store.tenant(r.pathParam("tenant"));
        User user = store.user(tenant, r.pathParam("user"));
        JsonNode body = r.body();
        String state = body.hasNonNull("State") ? body.get("State").asText() : body.path("state").asText(null);
        if ("active".equalsIgnoreCase(state) && !user.active) {
            restore(tenant, user);
            return HubResponse.ok(render(user));
        }
        if (!user.active) {
            throw new HubError(400, PartnerCenterCodes.HUB_USER_DELETED, "User " + user.upn + " is deleted; restore it before changing it.");
        }
        if (body.has("passwordProfile")) {
            checkPassword(body.path("passwordProfile").path("password").asText(null));
        }
        fields(user, body);
        return HubResponse.ok(render(user));
    }

    /** Active again, with the licences it had where seats are free ("assuming their allocations are available"). */
    private void restore(Tenant tenant, User user) {
        user.active = true;
        user.softDeletionTime = null;
        for (String sku : user.licensesBeforeDeletion) {
            PartnerCenterStore.Sku s = tenant.skus.get(sku);
            if (s != null && store.consumed(tenant, sku) < s.total) {
                user.licenses.add(sku);
            }
        }
        user.licensesBeforeDeletion.clear();
    }

    private HubResponse delete(HubRequest r) {
        Tenant tenant = store.tenant(r.pathParam("tenant"));
        User user = store.user(tenant, r.pathParam("user"));
        if (!user.active) {
            throw new HubError(404, PartnerCenterCodes.USER_NOT_FOUND, "User object id " + user.id + " was not found.");
        }
        user.active = false;
        user.softDeletionTime = store.now();
        user.licensesBeforeDeletion.addAll(user.licenses);
        user.licenses.clear();
        return HubResponse.noContent();
    }

    private static void fields(User user, JsonNode body) {
        user.firstName = HubRequest.updatedText(body, "firstName", user.firstName);
        user.lastName = HubRequest.updatedText(body, "lastName", user.lastName);
        user.displayName = HubRequest.updatedText(body, "displayName", user.displayName);
        user.phoneNumber = HubRequest.updatedText(body, "phoneNumber", user.phoneNumber);
        String location = HubRequest.updatedText(body, "usageLocation", user.usageLocation);
        if (location != null && !location.matches("[A-Z]{2}")) {
            throw new HubError(400, PartnerCenterCodes.HUB_BAD_USAGE_LOCATION, "usageLocation must be a two-letter country code, for example US.");
        }
        user.usageLocation = location;
    }

    /** At least 8 characters, of 3 of the 4 kinds: lower case, upper case, digits, symbols. */
    private static void checkPassword(String password) {
        if (password == null) {
            throw new HubError(400, PartnerCenterCodes.HUB_WEAK_PASSWORD, "passwordProfile.password is required.");
        }
        int kinds = (password.chars().anyMatch(Character::isLowerCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isDigit) ? 1 : 0)
                + (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
        if (password.length() < 8 || kinds < 3) {
            throw new HubError(400, PartnerCenterCodes.HUB_WEAK_PASSWORD, "The password does not meet the complexity requirements.");
        }
    }

    static ObjectNode render(Tenant tenant) {
        ObjectNode node = Json.object().put("id", tenant.id);
        node.putObject("companyProfile").put("tenantId", tenant.id).put("companyName", tenant.name);
        node.put("relationshipToPartner", "reseller");
        node.putObject("attributes").put("objectType", "Customer");
        return node;
    }

    static ObjectNode render(User u) {
        ObjectNode node = Json.object().put("id", u.id).put("userPrincipalName", u.upn);
        Json.put(node, "firstName", u.firstName);
        Json.put(node, "lastName", u.lastName);
        Json.put(node, "displayName", u.displayName);
        Json.put(node, "usageLocation", u.usageLocation);
        Json.put(node, "phoneNumber", u.phoneNumber);
        node.put("userDomainType", "managed");
        node.put("state", u.active ? "active" : "inactive");
        Json.put(node, "softDeletionTime", u.softDeletionTime);
        node.putObject("attributes").put("objectType", "CustomerUser");
        return node;
    }
}
