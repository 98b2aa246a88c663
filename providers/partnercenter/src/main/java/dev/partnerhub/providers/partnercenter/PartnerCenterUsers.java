package dev.partnerhub.providers.partnercenter;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partnerhub.providers.spi.Users;
import dev.partnerhub.providers.spi.errors.ProviderNotFoundException;
import dev.partnerhub.providers.spi.model.CustomerScope;
import dev.partnerhub.providers.spi.model.RemoteUser;
import dev.partnerhub.providers.spi.model.UserRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The users of a customer tenant, under {@code /v1/customers/{tenant}/users}, keyed by user principal name. A deleted
 * user is inactive for 30 days and can be restored with its licences; a new user and a password reset take a
 * temporary password that the user must change at the next sign-in.
 */
final class PartnerCenterUsers implements Users {

    /** The filter of the deleted-users view: the inactive users. */
    private static final String INACTIVE = "{\"Field\":\"UserState\",\"Value\":\"Inactive\",\"Operator\":\"equals\"}";

    private final PartnerCenterHttp http;
    private final ObjectMapper mapper;

    PartnerCenterUsers(PartnerCenterHttp http, ObjectMapper mapper) {
        this.http = http;
        this.mapper = mapper;
    }

    static String path(CustomerScope customer) {
        return "/v1/customers/" + customer.id() + "/users";
    }

    /** Every active user; Partner Center has no filter by change time. */
    @Override
    public List<RemoteUser> list(CustomerScope customer, Instant changedSince) {
        return http.getAll(path(customer), Map.of("size", "100")).stream().map(PartnerCenterJson::user).toList();
    }

    /** One user, by ID ("Get a user account by ID"). */
    RemoteUser get(CustomerScope customer, String userId) {
        RemoteUser user = PartnerCenterJson.user(http.json().get(path(customer) + "/" + userId, Map.of()).body());
        PartnerCenterJson.expect("GET /v1/customers/{tenant}/users/{id}", "user", userId, user.id());
        return user;
    }

    /**
     * The SKU IDs of the licences a user holds, of both licence groups: without {@code licenseGroupIds} Partner Center
     * answers with Group1 (Entra-managed products) only, and a Group2 licence (Minecraft) would be invisible ("Get
     * licenses assigned to a user by license group").
     */
    List<String> licenses(CustomerScope customer, String userId) {
        return http.getAll(path(customer) + "/" + userId + "/licenses", BOTH_GROUPS).stream()
                .map(l -> l.path("productSku").path("id").asText()).toList();
    }

    /** Both licence groups, the parameter repeated ("Get a list of available licenses by license group"). */
    static final Map<String, List<String>> BOTH_GROUPS = Map.of("licenseGroupIds", List.of("Group1", "Group2"));

    @Override
    public RemoteUser create(CustomerScope customer, UserRequest request) {
        ObjectNode body = fields(request);
        body.put("userPrincipalName", request.key());
        if (!body.has("displayName")) {
            body.put("displayName", displayName(request));
        }
        body.set("passwordProfile", password(request.password()));
        RemoteUser created = PartnerCenterJson.user(http.json().post(path(customer), body).body());
        PartnerCenterJson.expect("POST /v1/customers/{tenant}/users", "user", request.key(), created.key());
        return created;
    }

    @Override
    public RemoteUser update(CustomerScope customer, RemoteUser current, UserRequest request) {
        RemoteUser updated = PartnerCenterJson.user(http.json().patch(path(customer) + "/" + current.id(),
                fields(request)).body());
        PartnerCenterJson.expect("PATCH /v1/customers/{tenant}/users/{id}", "user", current.id(), updated.id());
        return updated;
    }

    /** Deleting makes the user inactive: it can be restored for 30 days. */
    @Override
    public void delete(CustomerScope customer, String userId) {
        try {
            http.json().delete(path(customer) + "/" + userId);
        } catch (ProviderNotFoundException e) {
            // already gone: that is what we wanted
        }
    }

    @Override
    public List<RemoteUser> listDeleted(CustomerScope customer) {
        return http.getAll(path(customer), Map.of("size", "100", "filter", INACTIVE)).stream()
                .map(PartnerCenterJson::user).toList();
    }

    @Override
    public RemoteUser restore(CustomerScope customer, String userId) {
        ObjectNode body = mapper.createObjectNode().put("State", "active");
        body.putObject("Attributes").put("ObjectType", "CustomerUser");
        RemoteUser restored = PartnerCenterJson.user(http.json().patch(path(customer) + "/" + userId, body).body());
        PartnerCenterJson.expect("PATCH /v1/customers/{tenant}/users/{id}", "user", userId, restored.id());
        return restored;
    }

    @Override
    public void resetPassword(CustomerScope customer, String userId, String password) {
        ObjectNode body = mapper.createObjectNode();
        body.set("passwordProfile", password(password));
        body.putObject("attributes").put("objectType", "CustomerUser");
        http.json().patch(path(customer) + "/" + userId, body);
    }

    private ObjectNode fields(UserRequest request) {
        ObjectNode body = mapper.createObjectNode();
        PartnerCenterJson.putIfSet(body, "firstName", request.firstName());
        PartnerCenterJson.putIfSet(body, "lastName", request.lastName());
        PartnerCenterJson.putIfSet(body, "displayName", request.displayName());
        PartnerCenterJson.putIfSet(body, "usageLocation", request.usageLocation());
        PartnerCenterJson.putIfSet(body, "phoneNumber", request.phoneNumber());
        body.putObject("attributes").put("objectType", "CustomerUser");
        return body;
    }

    private ObjectNode password(String password) {
        return mapper.createObjectNode().put("password", password).put("forceChangePassword", true);
    }

    /** Partner Center needs a display name: the names, else the sign-in name before its @. */
    private static String displayName(UserRequest request) {
        String names = ((request.firstName() == null ? "" : request.firstName()) + " "
                + (request.lastName() == null ? "" : request.lastName())).trim();
        return names.isEmpty() ? request.key().substring(0, Math.max(1, request.key().indexOf('@'))) : names;
    }
}
