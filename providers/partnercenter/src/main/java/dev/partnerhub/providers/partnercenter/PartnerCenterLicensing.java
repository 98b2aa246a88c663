package dev.partnerhub.providers.partnercenter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partnerhub.providers.spi.Licensing;
import dev.partnerhub.providers.spi.errors.ProviderRejectedException;
import dev.partnerhub.providers.spi.errors.RemoteError;
import dev.partnerhub.providers.spi.model.CustomerScope;
import dev.partnerhub.providers.spi.model.LicenseChange;
import dev.partnerhub.providers.spi.model.LicenseRefusal;
import dev.partnerhub.providers.spi.model.LicenseUpdate;
import dev.partnerhub.providers.spi.model.RemoteLicense;
import dev.partnerhub.providers.spi.model.RemotePerson;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Licences of a customer tenant: its subscribed SKUs with their seats, each user's licences, and licence updates. One
 * update may touch one licence group only, so changes are sent per group; Partner Center applies an update whole or
 * not at all, and refuses it with code 60012 when the licences run out.
 */
final class PartnerCenterLicensing implements Licensing {

    private static final String QUOTA_EXCEEDED = "60012";

    private final PartnerCenterHttp http;
    private final PartnerCenterUsers users;
    private final PartnerCenterPeople people;
    private final ObjectMapper mapper;

    PartnerCenterLicensing(PartnerCenterHttp http, PartnerCenterUsers users, PartnerCenterPeople people,
            ObjectMapper mapper) {
        this.http = http;
        this.users = users;
        this.people = people;
        this.mapper = mapper;
    }

    /** The subscribed SKUs: the ID and name of each product, its active seats and those consumed. */
    @Override
    public List<RemoteLicense> licenses(String tenantId) {
        return skus(tenantId).stream().map(s -> new RemoteLicense(
                PartnerCenterJson.required(s.path("productSku"), "id", "subscribed SKU"),
                PartnerCenterJson.text(s.path("productSku"), "name"), s.path("activeUnits").asInt(),
                s.path("consumedUnits").asInt())).toList();
    }

    /**
     * Each active user with the SKUs it holds (one read of its licences per user) and its directory roles (one list
     * of members per role of the tenant).
     */
    @Override
    public List<RemotePerson> people(String tenantId) {
        Map<String, List<String>> roles = people.rolesByUser(tenantId);
        return users.list(new CustomerScope(tenantId), null).stream()
                .map(u -> new RemotePerson(u.id(), u.email(), held(tenantId, u.id()),
                        roles.getOrDefault(u.id(), List.of()), u.details()))
                .toList();
    }

    @Override
    public LicenseUpdate changeLicenses(String tenantId, String userId, List<LicenseChange> changes) {
        Map<String, String> groups = skus(tenantId).stream().collect(Collectors.toMap(
                s -> s.path("productSku").path("id").asText(),
                s -> s.path("productSku").path("licenseGroupId").asText("group1"), (a, b) -> a));
        Map<String, List<LicenseChange>> byGroup = changes.stream().collect(Collectors.groupingBy(
                c -> groups.getOrDefault(c.licenseId(), "group1"), LinkedHashMap::new, Collectors.toList()));
        Map<String, LicenseRefusal> refused = new LinkedHashMap<>();
        byGroup.values().forEach(group -> {
            try {
                http.json().post(PartnerCenterUsers.path(new CustomerScope(tenantId)) + "/" + userId
                        + "/licenseupdates", update(group));
            } catch (ProviderRejectedException e) {
                RemoteError error = e.errors().isEmpty() ? new RemoteError(null, e.getMessage(), e.trackingId())
                        : e.errors().get(0);
                LicenseRefusal.Reason reason = QUOTA_EXCEEDED.equals(error.code())
                        ? LicenseRefusal.Reason.COUNT_VIOLATION : LicenseRefusal.Reason.OTHER;
                group.forEach(c -> refused.put(c.licenseId(), new LicenseRefusal(reason, error)));
            }
        });
        return new LicenseUpdate(held(tenantId, userId), refused);
    }

    private ObjectNode update(List<LicenseChange> changes) {
        ObjectNode body = mapper.createObjectNode();
        var assign = body.putArray("licensesToAssign");
        var remove = body.putArray("licensesToRemove");
        for (LicenseChange c : changes) {
            if (c.add()) {
                assign.addObject().put("skuId", c.licenseId()).putArray("excludedPlans");
            } else {
                remove.add(c.licenseId());
            }
        }
        body.putObject("attributes").put("objectType", "LicenseUpdate");
        return body;
    }

    private List<String> held(String tenantId, String userId) {
        return users.licenses(new CustomerScope(tenantId), userId);
    }

    private List<JsonNode> skus(String tenantId) {
        return http.getAll("/v1/customers/" + tenantId + "/subscribedskus", PartnerCenterUsers.BOTH_GROUPS);
    }
}
