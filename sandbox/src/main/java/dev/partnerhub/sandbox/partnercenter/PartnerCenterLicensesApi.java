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
import dev.partnerhub.sandbox.partnercenter.PartnerCenterStore.User;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Licences of Partner Center users: a tenant's subscribed SKUs with their seats, a user's licences, and licence
 * updates. An update touches one licence group only, needs the user's usage location to assign, and applies whole
 * or not at all; licences that run out are refused with code 60012.
 */
final class PartnerCenterLicensesApi {

    private final PartnerCenterStore store;

    PartnerCenterLicensesApi(PartnerCenterStore store) {
        this.store = store;
    }

    void register(Router router) {
        router.add("GET", "/v1/customers/{tenant}/subscribedskus", Router.Access.BEARER, this::skus)
                .add("GET", "/v1/customers/{tenant}/users/{user}/licenses", Router.Access.BEARER, this::licenses)
                .add("POST", "/v1/customers/{tenant}/users/{user}/licenseupdates", Router.Access.BEARER,
                        this::update);
    }

    private HubResponse skus(HubRequest r) {
        Tenant tenant = store.tenant(r.pathParam("tenant"));
        Set<String> groups = groups(r);
        List<ObjectNode> items = tenant.skus.values().stream().filter(s -> groups.contains(s.group)).map(s -> {
            long consumed = store.consumed(tenant, s.id);
            ObjectNode node = Json.object().put("availableUnits", Math.max(0, s.total - consumed))
                    .put("activeUnits", s.total).put("consumedUnits", consumed).put("suspendedUnits", 0)
                    .put("totalUnits", s.total).put("warningUnits", 0).put("capabilityStatus", "Enabled");
            node.set("productSku", product(s));
            node.putArray("servicePlans");
            node.putObject("attributes").put("objectType", "SubscribedSku");
            return node;
        }).toList();
        return HubResponse.ok(Collections.page(r, items));
    }

    private HubResponse licenses(HubRequest r) {
        Tenant tenant = store.tenant(r.pathParam("tenant"));
        User user = store.user(tenant, r.pathParam("user"));
        Set<String> groups = groups(r);
        List<ObjectNode> items = user.licenses.stream().map(tenant.skus::get).filter(s -> groups.contains(s.group))
                .map(s -> {
            ObjectNode node = Json.object();
            node.putArray("servicePlans");
            node.set("productSku", product(s));
            node.putObject("attributes").put("objectType", "License");
            return node;
        }).toList();
        return HubResponse.ok(Collections.page(r, items));
    }

    private HubResponse update(HubRequest r) {
        Tenant tenant = store.tenant(r.pathParam("tenant"));
        User user = store.user(tenant, r.pathParam("user"));
        List<String> assign = new ArrayList<>();
        r.body().path("licensesToAssign").forEach(l -> assign.add(r.requiredText(l, "skuId")));
        List<String> remove = new ArrayList<>();
        r.body().path("licensesToRemove").forEach(l -> remove.add(l.asText()));
        Set<String> groups = new HashSet<>();
        for (String sku : concat(assign, remove)) {
            Sku s = tenant.skus.get(sku);
            if (s == null) {
                throw new HubError(400, PartnerCenterCodes.HUB_SKU_NOT_SUBSCRIBED, "SKU " + sku + " is not subscribed by this customer.");
            }
            groups.add(s.group);
        }
        if (groups.size() > 1) {
            throw new HubError(400, PartnerCenterCodes.HUB_TWO_LICENCE_GROUPS, "A licence update may touch one licence group only; got " + groups + ".");
        }
        if (!assign.isEmpty() && user.usageLocation == null) {
            throw new HubError(400, PartnerCenterCodes.HUB_NO_USAGE_LOCATION, "User " + user.upn + " has no usageLocation; set it before assigning "
                    + "licences.");
        }
        for (String sku : assign) {
            if (!user.licenses.contains(sku) && store.consumed(tenant, sku) >= tenant.skus.get(sku).total) {
                throw new QuotaExceeded(tenant.skus.get(sku));
            }
        }
        user.licenses.removeAll(remove);
        user.licenses.addAll(assign);
        ObjectNode reply = Json.object();
        reply.set("licensesToAssign", r.body().path("licensesToAssign").deepCopy());
        reply.set("licensesToRemove", r.body().path("licensesToRemove").deepCopy());
        reply.putArray("licenseWarnings");
        reply.putObject("attributes").put("objectType", "LicenseUpdate");
        return HubResponse.of(201, reply);
    }

    /**
     * The licence groups a read asks for: {@code licenseGroupIds=Group1} and/or {@code Group2}, the parameter repeated
     * for both; without it, Group1 only, "the default license group" ("Get a list of available licenses by license
     * group", "Get licenses assigned to a user by license group"). Replies spell the group in lower case.
     */
    private static Set<String> groups(HubRequest r) {
        List<String> asked = r.query().getOrDefault("licenseGroupIds", List.of());
        Set<String> groups = new HashSet<>();
        for (String group : asked.isEmpty() ? List.of("Group1") : asked) {
            if (!group.equals("Group1") && !group.equals("Group2")) {
                throw new HubError(400, PartnerCenterCodes.HUB_BAD_REQUEST, "licenseGroupIds: " + group + " is not a licence group; use Group1 or "
                        + "Group2.");
            }
            groups.add(group.toLowerCase(java.util.Locale.ROOT));
        }
        return groups;
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static JsonNode product(Sku s) {
        return Json.object().put("id", s.id).put("name", s.name).put("skuPartNumber", s.partNumber)
                .put("targetType", "User").put("licenseGroupId", s.group);
    }

    /** The documented refusal when licences run out, with its data. */
    static final class QuotaExceeded extends HubError {

        QuotaExceeded(Sku sku) {
            super(400, PartnerCenterCodes.QUOTA_EXCEEDED, "Your organization has run out of licenses for " + sku.name + ". Buy more licenses or "
                    + "free one.");
        }
    }
}
