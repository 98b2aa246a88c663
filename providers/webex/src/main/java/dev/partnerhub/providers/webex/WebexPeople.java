package dev.partnerhub.providers.webex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partnerhub.providers.spi.People;
import dev.partnerhub.providers.spi.model.PersonChange;
import dev.partnerhub.providers.spi.model.RemotePerson;
import dev.partnerhub.providers.spi.model.RemoteRole;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Webex People API: names and display name, a calling user's number and extension, roles (Contact Center
 * supervisor, full administrator); and the user's default meeting site through Meeting Preferences.
 */
final class WebexPeople implements People {

    /** The fields "Update a Person" accepts; the others of a Person are read-only. */
    private static final List<String> UPDATABLE = List.of("emails", "extension", "locationId",
            "displayName", "firstName", "lastName", "nickName", "avatar", "orgId", "roles", "licenses", "department",
            "manager", "managerId", "title", "addresses", "siteUrls", "loginEnabled");
    private final WebexHttp http;
    private final ObjectMapper mapper;

    WebexPeople(WebexHttp http, ObjectMapper mapper) {
        this.http = http;
        this.mapper = mapper;
    }

    /**
     * "Update a Person" replaces the whole person: read it (with its calling data), change what the change names,
     * write back what the PUT accepts. A GET shows phone numbers of four types; the PUT takes {@code work} only, as
     * {@code {type, value}}. The default meeting site goes through Meeting Preferences' "Update Default Site".
     */
    @Override
    public RemotePerson update(String orgId, String personId, PersonChange change) {
        JsonNode current = http.get("/people/" + personId, CALLING_DATA).body();
        RemotePerson person = changesPerson(change) ? WebexLicensing.person(http.put("/people/" + personId,
                CALLING_DATA, replacement(current, change)).body()) : WebexLicensing.person(current);
        WebexJson.expect("PUT /people/{id}", "person", personId, person.id());
        if (change.preferredSite() == null) {
            return person;
        }
        JsonNode site = http.put(SITES, Map.of("userEmail", person.email(), "defaultSite", "true"),
                mapper.createObjectNode().put("siteUrl", change.preferredSite())).body();
        return person.withPreferredSite(WebexJson.text(site, "siteUrl"));
    }

    private static boolean changesPerson(PersonChange c) {
        return c.firstName() != null || c.lastName() != null || c.displayName() != null || c.phoneNumber() != null
                || c.extension() != null || c.changesRoles();
    }

    /** The whole person as the PUT takes it, with the change. */
    private ObjectNode replacement(JsonNode current, PersonChange change) {
        ObjectNode update = mapper.createObjectNode();
        UPDATABLE.stream().filter(current::has).forEach(field -> update.set(field, current.get(field)));
        update.set("phoneNumbers", workNumbers(current, change.phoneNumber()));
        WebexJson.putIfSet(update, "extension", change.extension());
        WebexJson.putIfSet(update, "firstName", change.firstName());
        WebexJson.putIfSet(update, "lastName", change.lastName());
        WebexJson.putIfSet(update, "displayName", change.displayName());
        if (change.changesRoles()) {
            // Read just now: a role someone gave since the caller last looked stays.
            Set<String> roles = new java.util.LinkedHashSet<>(WebexJson.strings(current.path("roles")));
            roles.addAll(change.addRoles());
            roles.removeAll(change.removeRoles());
            update.set("roles", mapper.valueToTree(roles));
        }
        return update;
    }

    /**
     * The user's default site, from Meeting Preferences' "Get Site List" (an administrator names the user by email),
     * which Cisco's "Update Default Site" changes; neither is in Cisco's admin file.
     */
    @Override
    public Optional<String> preferredSite(String orgId, RemotePerson person) {
        for (JsonNode site : http.get(SITES, Map.of("userEmail", person.email())).body().path("sites")) {
            if (site.path("default").asBoolean(false)) {
                return Optional.ofNullable(WebexJson.text(site, "siteUrl"));
            }
        }
        return Optional.empty();
    }

    private static final String SITES = "/meetingPreferences/sites";

    /** The person's work number as the PUT takes it: the changed one, else the one it holds; none when it has none. */
    private ArrayNode workNumbers(JsonNode current, String changed) {
        ArrayNode numbers = mapper.createArrayNode();
        String work = changed;
        for (JsonNode number : current.path("phoneNumbers")) {
            if (work == null && "work".equals(WebexJson.text(number, "type"))) {
                work = WebexJson.text(number, "value");
            }
        }
        if (work != null) {
            numbers.addObject().put("type", "work").put("value", work);
        }
        return numbers;
    }

    /** Webex Calling's own fields of a person (extension, location, its numbers) come with {@code callingData}. */
    static final Map<String, String> CALLING_DATA = Map.of("callingData", "true");

    /** Webex's roles are the same in every org ({@code GET /roles}). */
    @Override
    public List<RemoteRole> roles(String orgId) {
        return http.getAll("/roles", Map.of()).stream()
                .map(r -> new RemoteRole(WebexJson.required(r, "id", "role"), WebexJson.text(r, "name"))).toList();
    }
}
