package dev.partnerhub.sandbox.partnercenter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partnerhub.sandbox.HubError;
import dev.partnerhub.sandbox.HubRequest;
import dev.partnerhub.sandbox.HubResponse;
import dev.partnerhub.sandbox.Json;
import dev.partnerhub.sandbox.Router;
import dev.partnerhub.sandbox.partnercenter.PartnerCenterStore.Sku;
import dev.partnerhub.sandbox.partnercenter.PartnerCenterStore.Tenant;
import java.util.UUID;

/**
 * The local admin endpoint's Partner Center part: customer tenants the partner has a relationship with, and the
 * seats of their SKUs. Not part of any vendor API; open on loopback.
 */
final class PartnerCenterAdminApi {

    private final PartnerCenterStore store;

    PartnerCenterAdminApi(PartnerCenterStore store) {
        this.store = store;
    }

    void register(Router router) {
        router.add("POST", "/admin/partnercenter/tenants", Router.Access.OPEN, this::createTenant)
                .add("PUT", "/admin/partnercenter/tenants/{tenant}/skus/{sku}", Router.Access.OPEN, this::setSeats)
                .add("POST", "/admin/partnercenter/tenants/{tenant}/directoryroles/{role}/members", Router.Access.OPEN,
                        this::addRoleMember);
    }

    /** A customer tenant with the catalogue's SKUs; {@code tenantId} may be given, else one is made. */
    private HubResponse createTenant(HubRequest r) {
        String id = HubRequest.optionalText(r.body(), "tenantId");
        Tenant tenant = addTenant(id == null ? UUID.randomUUID().toString() : id, r.requiredText(r.body(), "name"));
        return HubResponse.of(201, state(tenant));
    }

    Tenant addTenant(String id, String name) {
        if (store.tenants.containsKey(id)) {
            throw HubError.conflict(4090, "Tenant " + id + " exists already.");
        }
        Tenant tenant = new Tenant();
        tenant.id = id;
        tenant.name = name;
        PartnerCenterCatalog.PRODUCTS.forEach(p -> {
            Sku sku = new Sku();
            sku.id = p.id();
            sku.name = p.name();
            sku.partNumber = p.partNumber();
            sku.group = p.group();
            sku.total = p.seats();
            tenant.skus.put(sku.id, sku);
        });
        PartnerCenterCatalog.DIRECTORY_ROLES.forEach(roleName -> {
            PartnerCenterStore.DirectoryRole role = new PartnerCenterStore.DirectoryRole();
            role.id = UUID.randomUUID().toString();
            role.name = roleName;
            tenant.roles.put(role.id, role);
        });
        store.tenants.put(id, tenant);
        return tenant;
    }

    /** A partner buys or returns seats of one SKU (by ID or name). */
    private HubResponse setSeats(HubRequest r) {
        Tenant tenant = store.tenant(r.pathParam("tenant"));
        String key = r.pathParam("sku");
        Sku sku = tenant.skus.values().stream().filter(s -> s.id.equals(key) || s.name.equalsIgnoreCase(key))
                .findFirst().orElseThrow(() -> HubError.notFound("SKU " + key + " of tenant " + tenant.id));
        JsonNode total = r.body().get("totalUnits");
        if (total == null || !total.canConvertToInt() || total.asInt() < 0) {
            throw HubError.badRequest(HubError.HUB_MISSING_FIELD, "totalUnits must be a whole number, 0 or more.");
        }
        sku.total = total.asInt();
        return HubResponse.ok(state(tenant));
    }

    /** The customer's own administrator gives a user a directory role (by name), outside the partner's reach. */
    private HubResponse addRoleMember(HubRequest r) {
        Tenant tenant = store.tenant(r.pathParam("tenant"));
        PartnerCenterStore.DirectoryRole role = tenant.roles.values().stream()
                .filter(x -> x.name.equalsIgnoreCase(r.pathParam("role"))).findFirst()
                .orElseThrow(() -> HubError.notFound("Directory role " + r.pathParam("role")));
        role.members.add(store.user(tenant, r.requiredText(r.body(), "userId")).id);
        return HubResponse.ok(state(tenant));
    }

    /** A tenant with its SKUs (seats consumed) and every user (active or deleted), for the dump. */
    ObjectNode state(Tenant tenant) {
        ObjectNode node = Json.object().put("tenantId", tenant.id).put("name", tenant.name);
        var skus = node.putArray("skus");
        tenant.skus.values().forEach(s -> skus.addObject().put("id", s.id).put("name", s.name).put("group", s.group)
                .put("totalUnits", s.total).put("consumedUnits", store.consumed(tenant, s.id)));
        var users = node.putArray("users");
        tenant.users.values().forEach(u -> {
            ObjectNode user = PartnerCenterUsersApi.render(u);
            user.set("licenses", Json.strings(u.licenses.stream().map(id -> tenant.skus.get(id).name).toList()));
            user.set("directoryRoles", Json.strings(tenant.roles.values().stream()
                    .filter(role -> role.members.contains(u.id)).map(role -> role.name).toList()));
            users.add(user);
        });
        return node;
    }
}
