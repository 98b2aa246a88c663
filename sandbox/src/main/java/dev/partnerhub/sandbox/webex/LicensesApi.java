package dev.partnerhub.sandbox.webex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partnerhub.sandbox.HubError;
import dev.partnerhub.sandbox.HubRequest;
import dev.partnerhub.sandbox.HubResponse;
import dev.partnerhub.sandbox.Json;
import dev.partnerhub.sandbox.Paging;
import dev.partnerhub.sandbox.Router;
import dev.partnerhub.sandbox.webex.WebexRecords.License;
import dev.partnerhub.sandbox.webex.WebexRecords.Person;
import dev.partnerhub.sandbox.webex.WebexRecords.Subscriber;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The Webex admin endpoints for licences, people and roles. {@code PATCH /licenses/users} applies removals
 * first, then additions in passes until no more apply, so that one request may add a base licence and the
 * licence that depends on it. When some changes applied and others did not, the answer is 206 with the
 * licences the user now holds and nothing more, as documented ("compare the returned licenses with the
 * requested licenses"). When none applied: 400 with the documented error code of each rule refusal, or 409
 * when only seats were missing.
 */
final class LicensesApi {

    /** The hub's sites are all Webex-hosted: name.webex.com, with the person's role on it. */
    private static final java.util.regex.Pattern SITE_URL = java.util.regex.Pattern.compile(
            "[a-z0-9]([a-z0-9-]*[a-z0-9])?\\.webex\\.com#(host|attendee)", java.util.regex.Pattern.CASE_INSENSITIVE);

    private final WebexStore store;
    private final Supplier<String> baseUrl;

    LicensesApi(WebexStore store, Supplier<String> baseUrl) {
        this.store = store;
        this.baseUrl = baseUrl;
    }

    void register(Router router) {
        router.add("GET", "/v1/licenses", Router.Access.BEARER, this::listLicenses)
                .add("GET", "/v1/licenses/{licenseId}", Router.Access.BEARER, this::getLicense)
                .add("PATCH", "/v1/licenses/users", Router.Access.BEARER, this::patchUserLicenses)
                .add("GET", "/v1/people", Router.Access.BEARER, this::listPeople)
                .add("GET", "/v1/people/{personId}", Router.Access.BEARER, r -> HubResponse.ok(render(person(r
                        .pathParam("personId")))))
                .add("PUT", "/v1/people/{personId}", Router.Access.BEARER, this::updatePerson)
                .add("GET", "/v1/roles", Router.Access.BEARER, r -> HubResponse.ok(roles()));
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
        Person person = personFor(HubRequest.optionalText(body, "personId"), HubRequest.optionalText(body, "email"));
        String orgId = HubRequest.optionalText(body, "orgId");
        if (orgId != null && !orgId.equals(person.orgId)) {
            throw HubError.badRequest(400001, "The user does not belong to organization " + orgId + ".");
        }
        LicenseRules rules = new LicenseRules(store, person, subscriberOf(person));
        List<LicenseRules.Change> changes = new ArrayList<>();
        for (JsonNode op : body.path("licenses")) {
            changes.add(new LicenseRules.Change(r.requiredText(op, "id"), !"remove".equals(HubRequest.optionalText(op,
                    "operation")), op.path("properties")));
        }
        LicenseRules.Outcome outcome = rules.apply(changes);
        ObjectNode reply = Json.object().put("orgId", person.orgId).put("personId", person.id);
        Json.put(reply, "email", emailOf(person));
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

    private HubResponse listPeople(HubRequest r) {
        String orgId = r.query("orgId");
        String email = r.query("email");
        String id = r.query("id");
        Instant now = store.now();
        List<Person> matching = (orgId == null ? store.people.values() : store.index.peopleOf(orgId)).stream()
                .filter(p -> !p.listedFrom.isAfter(now))
                .filter(p -> orgId == null || orgId.equals(p.orgId))
                .filter(p -> id == null || List.of(id.split(",")).contains(p.id))
                .filter(p -> email == null || email.equalsIgnoreCase(emailOf(p)))
                .sorted(Comparator.comparing(p -> p.id))
                .toList();
        return Paging.page(r, baseUrl.get(), matching, this::render);
    }

    /**
     * The whole person is sent back: names and display name are taken from it (the subscriber shares the names);
     * numbers and location belong to the calling side and change through the subscriber.
     */
    private HubResponse updatePerson(HubRequest r) {
        Person person = person(r.pathParam("personId"));
        person.displayName = r.requiredText(r.body(), "displayName");
        Subscriber subscriber = subscriberOf(person);
        if (subscriber != null) {
            subscriber.firstName = HubRequest.updatedText(r.body(), "firstName", subscriber.firstName);
            subscriber.lastName = HubRequest.updatedText(r.body(), "lastName", subscriber.lastName);
        }
        if (r.body().has("siteUrls")) {
            List<String> sites = new ArrayList<>();
            r.body().path("siteUrls").forEach(site -> sites.add(site.asText()));
            sites.stream().filter(site -> !SITE_URL.matcher(site).matches()).findFirst().ifPresent(site -> {
                throw HubError.badRequest(400003, "Invalid siteUrl " + site + ": expected a Webex site such as "
                        + "acme.webex.com, followed by #host or #attendee.");
            });
            person.siteUrls.clear();
            person.siteUrls.addAll(sites);
        }
        if (r.body().has("roles")) {
            List<String> roles = new ArrayList<>();
            r.body().path("roles").forEach(role -> roles.add(role.asText()));
            roles.stream().filter(role -> !LicenseCatalog.ROLES.containsKey(role)).findFirst().ifPresent(role -> {
                throw HubError.badRequest(400002, "Unknown role " + role + ".");
            });
            person.roles.clear();
            person.roles.addAll(roles);
        }
        return HubResponse.ok(render(person));
    }

    private Person person(String id) {
        Person p = store.people.get(id);
        if (p == null) {
            throw HubError.notFound("Person " + id);
        }
        return p;
    }

    private Person personFor(String personId, String email) {
        if (personId != null) {
            return person(personId);
        }
        if (email == null) {
            throw HubError.badRequest(4001, "Missing required field: email or personId.");
        }
        return store.index.withEmail(email).stream().map(s -> s.personId).filter(Objects::nonNull)
                .map(store.people::get).filter(Objects::nonNull).findFirst()
                .orElseThrow(() -> HubError.notFound("User " + email));
    }

    private Subscriber subscriberOf(Person p) {
        return store.index.ofPerson(p.id).orElse(null);
    }

    private String emailOf(Person p) {
        Subscriber s = subscriberOf(p);
        return s == null ? null : s.email;
    }

    private ObjectNode render(License l) {
        return Json.object().put("id", l.id).put("name", l.name).put("totalUnits", l.totalUnits)
                .put("consumedUnits", l.holders.size()).put("consumedByUsers", l.holders.size())
                .put("consumedByWorkspaces", 0).put("subscriptionId", "Sub-local-" + l.orgId.substring(0, 8));
    }

    ObjectNode render(Person p) {
        Subscriber s = subscriberOf(p);
        ObjectNode node = Json.object().put("id", p.id);
        node.set("emails", Json.strings(s == null || s.email == null ? List.of() : List.of(s.email)));
        String first = s == null ? null : s.firstName;
        String last = s == null ? null : s.lastName;
        Json.put(node, "displayName", p.displayName != null ? p.displayName
                : ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim());
        Json.put(node, "firstName", first);
        Json.put(node, "lastName", last);
        if (s != null && s.primaryPhoneNumber != null) {
            node.putArray("phoneNumbers").add(Json.object().put("type", "work").put("value", s.primaryPhoneNumber));
        }
        Json.put(node, "extension", s == null ? null : s.extension);
        Json.put(node, "locationId", s == null ? null : s.locationId);
        node.put("orgId", p.orgId);
        node.set("roles", Json.strings(p.roles));
        node.set("siteUrls", Json.strings(p.siteUrls));
        node.set("licenses", Json.strings(p.licenses));
        Json.put(node, "created", s == null ? null : s.created);
        node.put("type", "person");
        return node;
    }

    private static ObjectNode roles() {
        List<ObjectNode> items = LicenseCatalog.ROLES.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> Json.object().put("id", e.getKey()).put("name", e.getValue())).toList();
        return Json.items(items);
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
