package dev.partnerhub.sandbox.webex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partnerhub.sandbox.HubError;
import dev.partnerhub.sandbox.HubRequest;
import dev.partnerhub.sandbox.HubResponse;
import dev.partnerhub.sandbox.Json;
import dev.partnerhub.sandbox.Router;
import dev.partnerhub.sandbox.webex.WebexRecords.License;
import dev.partnerhub.sandbox.webex.WebexRecords.Person;
import java.util.ArrayList;
import java.util.List;

/**
 * The Webex admin endpoints for licences. {@code PATCH /licenses/users} applies removals
 * first, then additions in passes until no more apply, so that one request may add a base licence and the
 * licence that depends on it. When some changes applied and others did not, the answer is 206 with the
 * licences the user now holds and nothing more, as documented ("compare the returned licenses with the
 * requested licenses"). When none applied: 400 with the documented error code of each rule refusal, or 409
 * when only seats were missing.
 */
final class LicensesApi {

    private final WebexStore store;
    private final PeopleApi people;

    LicensesApi(WebexStore store, PeopleApi people) {
        this.store = store;
        this.people = people;
    }

    void register(Router router) {
        router.add("GET", "/v1/licenses", Router.Access.BEARER, this::listLicenses)
                .add("GET", "/v1/licenses/{licenseId}", Router.Access.BEARER, this::getLicense)
                .add("PATCH", "/v1/licenses/users", Router.Access.BEARER, this::patchUserLicenses);
    }

    private HubResponse listLicenses(HubRequest r) {
        String orgId = r.query("orgId");
        List<ObjectNode> items = store.licenses.values().stream()
                .filter(l -> l.orgId.equals(orgId)).map(this::render).toList();
        return HubResponse.ok(Json.items(items));
    }

    private HubResponse getLicense(HubRequest r) {
        License l = store.licenses.get(r.pathParam("licenseId"));
        if (l == null) {
            throw HubError.notFound("License " + r.pathParam("licenseId"));
        }
        return HubResponse.ok(render(l));
    }

    private HubResponse patchUserLicenses(HubRequest r) {
        JsonNode body = r.body();
        Person person = people.personFor(HubRequest.optionalText(body, "personId"), HubRequest.optionalText(body, "email"));
        String orgId = HubRequest.optionalText(body, "orgId");
        if (orgId != null && !orgId.equals(person.orgId)) {
            throw HubError.badRequest(WebexCodes.HUB_NOT_IN_ORG, "The user does not belong to organization " + orgId + ".");
        }
        LicenseRules rules = new LicenseRules(store, person, people.subscriberOf(person));
        List<LicenseRules.Change> changes = new ArrayList<>();
        for (JsonNode op : body.path("licenses")) {
            changes.add(new LicenseRules.Change(r.requiredText(op, "id"), !"remove".equals(HubRequest.optionalText(op,
                    "operation")), op.path("properties")));
        }
        LicenseRules.Outcome outcome = rules.apply(changes);
        ObjectNode reply = Json.object().put("orgId", person.orgId).put("personId", person.id);
        Json.put(reply, "email", people.emailOf(person));
        reply.set("licenses", Json.strings(person.licenses));
        reply.set("siteUrls", Json.strings(person.siteUrls));
        if (outcome.refused().isEmpty()) {
            return HubResponse.ok(reply);
        }
        if (outcome.applied() > 0) {
            return HubResponse.of(206, reply);
        }
        List<HubError> ruleRefusals = outcome.refused().stream().filter(e -> e.status() == 400).toList();
        List<HubError> reported = ruleRefusals.isEmpty() ? outcome.refused() : ruleRefusals;
        ArrayNode errors = Json.MAPPER.createArrayNode();
        reported.forEach(e -> errors.addObject().put("errorCode", e.errorCode()).put("description", e.getMessage()));
        ObjectNode error = Json.object().put("message", "License assignment failed");
        error.set("errors", errors);
        throw new LicenseRefusal(ruleRefusals.isEmpty() ? 409 : 400, error);
    }

    /** A licence as "List Licenses" shows it; only a meetings licence has a site. */
    private ObjectNode render(License l) {
        ObjectNode node = Json.object().put("id", l.id).put("name", l.name).put("totalUnits", l.totalUnits)
                .put("consumedUnits", l.holders.size()).put("consumedByUsers", l.holders.size())
                .put("consumedByWorkspaces", 0).put("subscriptionId", "Sub-local-" + l.orgId.substring(0, 8));
        if (l.siteUrl != null) {
            node.put("siteUrl", l.siteUrl).put("siteType", "Control Hub managed site");
        }
        return node;
    }

    /** A PATCH that applied nothing: 400 with every refusal, as the real API answers. */
    static final class LicenseRefusal extends HubError {
        private final ObjectNode body;

        LicenseRefusal(int status, ObjectNode body) {
            super(status, body.path("errors").get(0).path("errorCode").asInt(), body.path("errors").get(0)
                    .path("description").asText());
            this.body = body;
        }

        ObjectNode body() {
            return body;
        }
    }
}
