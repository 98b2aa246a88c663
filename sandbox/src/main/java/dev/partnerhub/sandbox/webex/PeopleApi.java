package dev.partnerhub.sandbox.webex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partnerhub.sandbox.HubError;
import dev.partnerhub.sandbox.HubRequest;
import dev.partnerhub.sandbox.HubResponse;
import dev.partnerhub.sandbox.Json;
import dev.partnerhub.sandbox.Paging;
import dev.partnerhub.sandbox.Router;
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
 * Webex's People and Roles endpoints as Cisco's admin file documents them. A person's Webex Calling fields (its
 * numbers, extension and location) show only with {@code callingData=true}. "Update a Person" replaces the person: its
 * {@code phoneNumbers} are of type {@code work} only, and numbers and extension can be set only for a person with a
 * Webex Calling licence; the location "cannot be changed if a user is already an existing calling user". The error
 * codes of those refusals (4005x) are the hub's own: Cisco's file lists none.
 */
final class PeopleApi {

    /**
     * A site as "Update a Person" takes it: the site name, with {@code #attendee} appended for the attendee role
     * (Cisco documents no other suffix). The hub's sites are all Webex-hosted: name.webex.com.
     */
    private static final java.util.regex.Pattern SITE_URL = java.util.regex.Pattern.compile(
            "[a-z0-9]([a-z0-9-]*[a-z0-9])?\\.webex\\.com(#attendee)?", java.util.regex.Pattern.CASE_INSENSITIVE);

    private final WebexStore store;
    private final Supplier<String> baseUrl;

    PeopleApi(WebexStore store, Supplier<String> baseUrl) {
        this.store = store;
        this.baseUrl = baseUrl;
    }

    void register(Router router) {
        router.add("GET", "/v1/people", Router.Access.BEARER, this::listPeople)
                .add("GET", "/v1/people/{personId}", Router.Access.BEARER, r -> HubResponse.ok(render(person(r
                        .pathParam("personId")), callingData(r))))
                .add("PUT", "/v1/people/{personId}", Router.Access.BEARER, this::updatePerson)
                .add("GET", "/v1/roles", Router.Access.BEARER, r -> HubResponse.ok(roles()));
    }

    private HubResponse listPeople(HubRequest r) {
        String orgId = r.query("orgId");
        String email = r.query("email");
        String id = r.query("id");
        Instant now = store.now();
        boolean calling = callingData(r);
        List<Person> matching = (orgId == null ? store.people.values() : store.index.peopleOf(orgId)).stream()
                .filter(p -> !p.listedFrom.isAfter(now))
                .filter(p -> orgId == null || orgId.equals(p.orgId))
                .filter(p -> id == null || List.of(id.split(",")).contains(p.id))
                .filter(p -> email == null || email.equalsIgnoreCase(emailOf(p)))
                .sorted(Comparator.comparing(p -> p.id))
                .toList();
        return Paging.page(r, baseUrl.get(), matching, p -> render(p, calling));
    }

    /**
     * The whole person is sent back: names and display name are taken from it (the subscriber shares the names); a
     * calling user's work number and extension too.
     */
    private HubResponse updatePerson(HubRequest r) {
        Person person = person(r.pathParam("personId"));
        JsonNode body = r.body();
        person.displayName = r.requiredText(body, "displayName");
        Subscriber subscriber = subscriberOf(person);
        if (subscriber != null) {
            subscriber.firstName = HubRequest.updatedText(body, "firstName", subscriber.firstName);
            subscriber.lastName = HubRequest.updatedText(body, "lastName", subscriber.lastName);
            calling(person, subscriber, body);
        }
        if (body.has("siteUrls")) {
            List<String> sites = new ArrayList<>();
            body.path("siteUrls").forEach(site -> sites.add(site.asText()));
            sites.stream().filter(site -> !SITE_URL.matcher(site).matches()).findFirst().ifPresent(site -> {
                throw HubError.badRequest(WebexCodes.HUB_UNKNOWN_SITE, "Invalid siteUrl " + site + ": expected a Webex site such as "
                        + "acme.webex.com, with #attendee appended for the attendee role.");
            });
            person.siteUrls.clear();
            person.siteUrls.addAll(sites);
        }
        if (body.has("roles")) {
            List<String> roles = new ArrayList<>();
            body.path("roles").forEach(role -> roles.add(role.asText()));
            roles.stream().filter(role -> !LicenseCatalog.isRole(role)).findFirst().ifPresent(role -> {
                throw HubError.badRequest(WebexCodes.HUB_UNKNOWN_ROLE, "Unknown role " + role + ".");
            });
            person.roles.clear();
            person.roles.addAll(roles);
        }
        return HubResponse.ok(render(person, callingData(r)));
    }

    /** A calling user's work number and extension; its location only as it is. */
    private void calling(Person person, Subscriber subscriber, JsonNode body) {
        String work = null;
        for (JsonNode number : body.path("phoneNumbers")) {
            String type = HubRequest.optionalText(number, "type");
            if (!"work".equals(type)) {
                throw HubError.badRequest(WebexCodes.HUB_PHONE_TYPE, "phoneNumbers: type " + type + " cannot be set; Update a Person "
                        + "takes numbers of type work only.");
            }
            work = HubRequest.optionalText(number, "value");
        }
        String extension = HubRequest.optionalText(body, "extension");
        boolean changes = !Objects.equals(work, subscriber.primaryPhoneNumber) && body.has("phoneNumbers")
                || extension != null && !extension.equals(subscriber.extension);
        if (changes && !hasCalling(person)) {
            throw HubError.badRequest(WebexCodes.HUB_NOT_CALLING, "Phone numbers and the extension can only be set for a person with a "
                    + "Webex Calling license.");
        }
        String location = HubRequest.optionalText(body, "locationId");
        if (location != null && !location.equals(subscriber.locationId) && hasCalling(person)) {
            throw HubError.badRequest(WebexCodes.HUB_LOCATION_FIXED, "The locationId cannot be changed for an existing calling user.");
        }
        if (body.has("phoneNumbers")) {
            subscriber.primaryPhoneNumber = work;
        }
        if (extension != null) {
            subscriber.extension = extension;
        }
    }

    private boolean hasCalling(Person person) {
        return person.licenses.stream().map(store.licenses::get).filter(Objects::nonNull)
                .anyMatch(l -> LicenseCatalog.CALLING.contains(l.name));
    }

    private static boolean callingData(HubRequest r) {
        return "true".equalsIgnoreCase(r.query("callingData"));
    }

    Person person(String id) {
        Person p = store.people.get(id);
        if (p == null) {
            throw HubError.notFound("Person " + id);
        }
        return p;
    }

    /** A person by ID, else by the email of its subscriber. */
    Person personFor(String personId, String email) {
        if (personId != null) {
            return person(personId);
        }
        if (email == null) {
            throw HubError.badRequest(HubError.HUB_MISSING_FIELD, "Missing required field: email or personId.");
        }
        return store.index.withEmail(email).stream().map(s -> s.personId).filter(Objects::nonNull)
                .map(store.people::get).filter(Objects::nonNull).findFirst()
                .orElseThrow(() -> HubError.notFound("User " + email));
    }

    /** The sites a person has a role on: its meetings licences' sites and those of its siteUrls, suffix dropped. */
    List<String> sitesOf(Person p) {
        java.util.Set<String> sites = new java.util.LinkedHashSet<>();
        p.licenses.stream().map(store.licenses::get).filter(Objects::nonNull).map(l -> l.siteUrl)
                .filter(Objects::nonNull).forEach(sites::add);
        p.siteUrls.forEach(site -> sites.add(site.replace("#attendee", "")));
        return List.copyOf(sites);
    }

    /** A person's default meeting site: the one set, else its first; null without sites. */
    String defaultSite(Person p) {
        List<String> sites = sitesOf(p);
        return p.defaultSite != null && sites.contains(p.defaultSite) ? p.defaultSite
                : sites.isEmpty() ? null : sites.get(0);
    }

    Subscriber subscriberOf(Person p) {
        return store.index.ofPerson(p.id).orElse(null);
    }

    String emailOf(Person p) {
        Subscriber s = subscriberOf(p);
        return s == null ? null : s.email;
    }

    /** A person as the People API shows it; its calling fields only when asked for. */
    ObjectNode render(Person p, boolean callingData) {
        Subscriber s = subscriberOf(p);
        ObjectNode node = Json.object().put("id", p.id);
        node.set("emails", Json.strings(s == null || s.email == null ? List.of() : List.of(s.email)));
        String first = s == null ? null : s.firstName;
        String last = s == null ? null : s.lastName;
        Json.put(node, "displayName", p.displayName != null ? p.displayName
                : ((first == null ? "" : first) + " " + (last == null ? "" : last)).trim());
        Json.put(node, "firstName", first);
        Json.put(node, "lastName", last);
        if (callingData && s != null) {
            var numbers = node.putArray("phoneNumbers");
            if (s.primaryPhoneNumber != null) {
                numbers.add(Json.object().put("type", "work").put("value", s.primaryPhoneNumber).put("primary", true));
            }
            if (s.extension != null) {
                // The hub's own composition (a routing prefix 8 and the extension): Cisco's file shows the type only.
                numbers.add(Json.object().put("type", "work_extension").put("value", "8" + s.extension));
            }
            Json.put(node, "extension", s.extension);
            Json.put(node, "locationId", s.locationId);
        }
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
                .map(e -> Json.object().put("id", LicenseCatalog.roleId(e.getKey())).put("name", e.getValue()))
                .toList();
        return Json.items(items);
    }
}
