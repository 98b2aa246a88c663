package dev.partnerhub.sandbox.webex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partnerhub.sandbox.HubError;
import dev.partnerhub.sandbox.HubRequest;
import dev.partnerhub.sandbox.HubResponse;
import dev.partnerhub.sandbox.Json;
import dev.partnerhub.sandbox.Paging;
import dev.partnerhub.sandbox.Router;
import dev.partnerhub.sandbox.webex.WebexRecords.Workspace;
import java.util.Comparator;
import java.util.List;
import java.util.function.Supplier;

/**
 * BroadWorks workspaces (a conference room's device on a BroadWorks user ID): provision, update and remove as
 * Cisco documents them. Cisco's files document no way to list them; {@code GET /v1/broadworks/workspaces} is the
 * local hub's own, filtered by spEnterpriseId, so that a partner sees and removes what an enterprise holds.
 */
final class BroadWorksWorkspacesApi {

    private final WebexStore store;
    private final Supplier<String> baseUrl;

    BroadWorksWorkspacesApi(WebexStore store, Supplier<String> baseUrl) {
        this.store = store;
        this.baseUrl = baseUrl;
    }

    void register(Router router) {
        router.add("GET", "/v1/broadworks/workspaces", Router.Access.BEARER, this::list)
                .add("POST", "/v1/broadworks/workspaces", Router.Access.BEARER, this::create)
                .add("PUT", "/v1/broadworks/workspaces/{workspaceId}", Router.Access.BEARER, this::update)
                .add("DELETE", "/v1/broadworks/workspaces/{workspaceId}", Router.Access.BEARER, r -> {
                    store.removeWorkspace(workspace(r.pathParam("workspaceId")));
                    return HubResponse.noContent();
                });
    }

    private HubResponse list(HubRequest r) {
        String spEnterpriseId = r.query("spEnterpriseId");
        List<Workspace> matching = store.workspaces.values().stream()
                .filter(w -> spEnterpriseId == null || spEnterpriseId.equals(w.spEnterpriseId))
                .sorted(Comparator.comparing(w -> w.id)).toList();
        return Paging.page(r, baseUrl.get(), matching, BroadWorksWorkspacesApi::render);
    }

    private HubResponse create(HubRequest r) {
        JsonNode body = r.body();
        String provisioningId = r.requiredText(body, "provisioningId");
        String spEnterpriseId = r.requiredText(body, "spEnterpriseId");
        store.template(provisioningId);
        if (store.enterprise(spEnterpriseId).isEmpty()) {
            throw HubError.notFound("BroadWorks enterprise " + spEnterpriseId);
        }
        String userId = r.requiredText(body, "userId");
        boolean taken = store.workspaces.values().stream().anyMatch(w -> w.userId.equalsIgnoreCase(userId))
                || store.subscribers.values().stream().anyMatch(s -> userId.equalsIgnoreCase(s.userId));
        if (taken) {
            throw HubError.conflict(WebexCodes.ALREADY_ASSOCIATED, "The user ID " + userId + " is already associated with a user or workspace.");
        }
        Workspace w = new Workspace();
        w.id = WebexStore.newId("PLACE");
        w.provisioningId = provisioningId;
        w.spEnterpriseId = spEnterpriseId;
        w.userId = userId;
        w.displayName = r.requiredText(body, "displayName");
        w.primaryPhoneNumber = HubRequest.optionalText(body, "primaryPhoneNumber");
        w.extension = HubRequest.optionalText(body, "extension");
        w.created = store.now();
        store.workspaces.put(w.id, w);
        return HubResponse.ok(render(w));
    }

    private HubResponse update(HubRequest r) {
        Workspace w = workspace(r.pathParam("workspaceId"));
        w.userId = HubRequest.updatedText(r.body(), "userId", w.userId);
        w.primaryPhoneNumber = HubRequest.updatedText(r.body(), "primaryPhoneNumber", w.primaryPhoneNumber);
        w.extension = HubRequest.updatedText(r.body(), "extension", w.extension);
        return HubResponse.ok(render(w));
    }

    private Workspace workspace(String id) {
        Workspace w = store.workspaces.get(id);
        if (w == null) {
            throw HubError.notFound("Workspace " + id);
        }
        return w;
    }

    static ObjectNode render(Workspace w) {
        ObjectNode node = Json.object().put("id", w.id).put("provisioningId", w.provisioningId)
                .put("userId", w.userId).put("spEnterpriseId", w.spEnterpriseId).put("displayName", w.displayName);
        Json.put(node, "primaryPhoneNumber", w.primaryPhoneNumber);
        Json.put(node, "extension", w.extension);
        node.put("created", w.created.toString());
        return node;
    }
}
