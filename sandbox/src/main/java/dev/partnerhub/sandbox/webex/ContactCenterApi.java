package dev.partnerhub.sandbox.webex;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partnerhub.sandbox.HubError;
import dev.partnerhub.sandbox.HubRequest;
import dev.partnerhub.sandbox.HubResponse;
import dev.partnerhub.sandbox.Json;
import dev.partnerhub.sandbox.Router;
import dev.partnerhub.sandbox.webex.WebexRecords.Person;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Contact Center's user synchronisation: Control Hub's "Synchronize users" button (Services > Contact Center >
 * Settings > General), after which each user's Sync Status is Valid or, when back-end resources failed, Invalid.
 * Cisco's OpenAPI files document no endpoint for it, so both routes are the local hub's own:
 * {@code POST /v1/contactCenter/users/sync} synchronises one person, and {@code POST /admin/contactCenter/invalidSyncs}
 * makes a person's next syncs come back Invalid, as the seed's rare back-end failure.
 */
final class ContactCenterApi {

    private final WebexStore store;
    /** Per lower-cased email: how many of the person's next syncs fail. */
    private final Map<String, Integer> invalidSyncs = new LinkedHashMap<>();
    /** Per person: how many syncs it had, and the last one's status. */
    private final Map<String, ObjectNode> syncs = new LinkedHashMap<>();

    ContactCenterApi(WebexStore store) {
        this.store = store;
    }

    void register(Router router) {
        router.add("POST", "/v1/contactCenter/users/sync", Router.Access.BEARER, this::sync)
                .add("POST", "/admin/contactCenter/invalidSyncs", Router.Access.OPEN, this::injectInvalid);
    }

    private HubResponse sync(HubRequest r) {
        String orgId = r.requiredText(r.body(), "orgId");
        String personId = r.requiredText(r.body(), "personId");
        Person person = store.people.get(personId);
        if (person == null || !orgId.equals(person.orgId)) {
            throw HubError.notFound("Person " + personId + " in organization " + orgId);
        }
        String email = emailOf(personId);
        int failing = email == null ? 0 : invalidSyncs.getOrDefault(email, 0);
        String status = failing > 0 ? "invalid" : "valid";
        if (failing > 0) {
            invalidSyncs.put(email, failing - 1);
        }
        ObjectNode record = syncs.computeIfAbsent(personId, id -> Json.object().put("count", 0));
        record.put("count", record.path("count").asInt() + 1).put("lastStatus", status);
        ObjectNode reply = Json.object().put("orgId", orgId).put("personId", personId).put("syncStatus", status)
                .put("lastSynced", store.now().toString());
        if (failing > 0) {
            reply.put("description", "Contact Center could not complete the user's records: a back-end resource "
                    + "failed.");
        }
        return HubResponse.ok(reply);
    }

    private HubResponse injectInvalid(HubRequest r) {
        String email = r.requiredText(r.body(), "email").toLowerCase(Locale.ROOT);
        int count = r.body().path("count").asInt(1);
        invalidSyncs.put(email, count);
        return HubResponse.ok(Json.object().put("email", email).put("count", count));
    }

    /** Each person's syncs (count, last status), for the admin endpoint's dump. */
    void state(ObjectNode state) {
        ObjectNode all = state.putObject("contactCenterSyncs");
        syncs.forEach((id, record) -> all.set(id, record.deepCopy()));
    }

    private String emailOf(String personId) {
        return store.index.ofPerson(personId).filter(s -> s.email != null)
                .map(s -> s.email.toLowerCase(Locale.ROOT)).orElse(null);
    }
}
