package dev.partnerhub.providers.partnercenter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partnerhub.providers.spi.People;
import dev.partnerhub.providers.spi.errors.ProviderNotFoundException;
import dev.partnerhub.providers.spi.model.CustomerScope;
import dev.partnerhub.providers.spi.model.PersonChange;
import dev.partnerhub.providers.spi.model.RemotePerson;
import dev.partnerhub.providers.spi.model.RemoteRole;
import dev.partnerhub.providers.spi.model.RemoteUser;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A customer user's permissions as directory roles of its tenant (seed 001: "fill out the information, including
 * permissions and licenses"), through Microsoft's "Get all the available directory roles", "Get user roles for a
 * customer", "Set user roles for a customer" (POST .../directoryroles/{role}/usermembers, 201) and "Remove a customer
 * user from a role" (DELETE .../usermembers/{user}, 204). Names and the other fields live on the user itself.
 */
final class PartnerCenterPeople implements People {

    private final PartnerCenterHttp http;
    private final PartnerCenterUsers users;
    private final ObjectMapper mapper;

    PartnerCenterPeople(PartnerCenterHttp http, PartnerCenterUsers users, ObjectMapper mapper) {
        this.http = http;
        this.users = users;
        this.mapper = mapper;
    }

    @Override
    public List<RemoteRole> roles(String tenantId) {
        return http.getAll(directoryRoles(tenantId), Map.of()).stream().map(r -> new RemoteRole(
                PartnerCenterJson.required(r, "id", "directory role"), PartnerCenterJson.text(r, "name"))).toList();
    }

    /** The role IDs each user of the tenant holds: one list of members per role. */
    Map<String, List<String>> rolesByUser(String tenantId) {
        Map<String, List<String>> byUser = new LinkedHashMap<>();
        for (RemoteRole role : roles(tenantId)) {
            for (JsonNode member : http.getAll(directoryRoles(tenantId) + "/" + role.id() + "/usermembers",
                    Map.of("size", "500"))) {
                byUser.computeIfAbsent(PartnerCenterJson.required(member, "id", "role member"), k -> new java.util.ArrayList<>())
                        .add(role.id());
            }
        }
        return byUser;
    }

    /** Gives and takes away the change's directory roles, member by member; the user's other roles stay. */
    @Override
    public RemotePerson update(String tenantId, String userId, PersonChange change) {
        RemoteUser user = users.get(new CustomerScope(tenantId), userId);
        Set<String> held = new LinkedHashSet<>(held(tenantId, userId));
        for (String roleId : change.addRoles()) {
            if (held.add(roleId)) {
                http.json().post(directoryRoles(tenantId) + "/" + roleId + "/usermembers", member(user));
            }
        }
        for (String roleId : change.removeRoles()) {
            if (held.remove(roleId)) {
                remove(tenantId, roleId, userId);
            }
        }
        return new RemotePerson(user.id(), user.email(), users.licenses(new CustomerScope(tenantId), userId),
                List.copyOf(held), user.details());
    }

    /** The role IDs one user holds ("Get user roles for a customer"). */
    private List<String> held(String tenantId, String userId) {
        return http.getAll(PartnerCenterUsers.path(new CustomerScope(tenantId)) + "/" + userId + "/directoryroles",
                Map.of()).stream().map(r -> PartnerCenterJson.required(r, "id", "directory role")).toList();
    }

    private void remove(String tenantId, String roleId, String userId) {
        try {
            http.json().delete(directoryRoles(tenantId) + "/" + roleId + "/usermembers/" + userId);
        } catch (ProviderNotFoundException e) {
            // no longer a member: that is what we wanted
        }
    }

    /** The UserMember of "Set user roles for a customer": the user's ID, display name and principal name. */
    private ObjectNode member(RemoteUser user) {
        ObjectNode body = mapper.createObjectNode();
        body.put("Id", user.id());
        body.put("DisplayName", user.details().displayName());
        body.put("UserPrincipalName", user.key());
        body.putObject("Attributes").put("ObjectType", "UserMember");
        return body;
    }

    private static String directoryRoles(String tenantId) {
        return "/v1/customers/" + tenantId + "/directoryroles";
    }
}
