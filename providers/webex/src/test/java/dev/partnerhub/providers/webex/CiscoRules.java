package dev.partnerhub.providers.webex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partnerhub.sandbox.RecordedExchange;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The rules Cisco's files state in prose, which no schema carries, checked over a run's exchanges in their order (some
 * need what an earlier reply said: a subscriber's package, a person's fields, which licences are calling ones).
 *
 * <p>Two kinds: a request Cisco <em>refuses</em> when it breaks a rule (a mandatory block missing) must not have been
 * accepted by the hub; a request whose fields Cisco <em>ignores</em> (provisioning parameters of a user who has
 * calling already) is the client's mistake whatever the hub answered.
 */
final class CiscoRules {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    /** "`attendant_console` is dependent on: `webex_calling`, `webex_suite`, `cx_essentials`" in an operation's notes. */
    private static final Pattern DEPENDENCY = Pattern.compile("`(\\w+)` is dependent on: ((?:`\\w+`(?:, )?)+)");

    private final Map<String, Map<String, Set<String>>> dependencies = new HashMap<>();
    /**
     * The calling packages: Cisco's notes name the packages {@code cisco_calling_plan} (a calling plan) depends on,
     * and "Provision a Wholesale Customer" makes {@code provisioningParameters.calling} "Mandatory when provisioning
     * calling packages".
     */
    private final Set<String> calling;

    CiscoRules(OpenAPI wholesale) {
        note("POST /v1/wholesale/customers", wholesale.getPaths().get("/wholesale/customers").getPost());
        note("PUT /v1/wholesale/customers/{id}", wholesale.getPaths().get("/wholesale/customers/{customerId}").getPut());
        note("POST /v1/wholesale/subscribers", wholesale.getPaths().get("/wholesale/subscribers").getPost());
        note("PUT /v1/wholesale/subscribers/{id}",
                wholesale.getPaths().get("/wholesale/subscribers/{subscriberId}").getPut());
        this.calling = dependencies.get("POST /v1/wholesale/customers").get("cisco_calling_plan");
        if (calling == null || calling.isEmpty()) {
            throw new IllegalStateException("Cisco's file no longer says which packages a calling plan depends on");
        }
    }

    private void note(String call, Operation operation) {
        Map<String, Set<String>> found = new HashMap<>();
        Matcher m = DEPENDENCY.matcher(operation.getDescription());
        while (m.find()) {
            found.put(m.group(1), new HashSet<>(List.of(m.group(2).replace("`", "").split(", "))));
        }
        dependencies.put(call, found);
    }

    List<String> violations(List<RecordedExchange> exchanges) throws Exception {
        Memory memory = new Memory();
        List<String> violations = new ArrayList<>();
        for (RecordedExchange e : exchanges) {
            String call = e.method() + " " + e.path().replaceAll("^(/v1/(wholesale/\\w+|people))/[^/]+$", "$1/{id}");
            JsonNode body = e.requestBody().isEmpty() ? MAPPER.nullNode() : MAPPER.readTree(e.requestBody());
            List<String> refused = new ArrayList<>();
            List<String> ignored = new ArrayList<>();
            switch (call) {
                case "POST /v1/wholesale/customers" -> customer(call, body, Set.of(), refused);
                case "PUT /v1/wholesale/customers/{id}" -> customer(call, body, memory.packages(e.path()), refused);
                case "POST /v1/wholesale/subscribers" -> subscriber(call, body, true, null, refused, ignored);
                case "PUT /v1/wholesale/subscribers/{id}" ->
                        subscriber(call, body, false, memory.known(e.path()), refused,
                        ignored);
                case "PATCH /v1/licenses/users" -> licences(body, memory, e, refused);
                case "PUT /v1/people/{id}" -> person(body, memory.read(e.path()), refused, ignored);
                default -> {
                }
            }
            if (e.status() < 400) {
                refused.forEach(r -> violations.add(call + " -> " + e.status() + ": accepted, yet Cisco refuses it: "
                        + r));
            }
            ignored.forEach(r -> violations.add(call + " -> " + e.status() + ": " + r));
            memory.learn(e);
        }
        return violations;
    }

    /**
     * A customer: the packages' dependencies; {@code customerInfo} "Mandatory for new customer. Optional if
     * Organization ID is provided."; {@code provisioningParameters.calling} "Mandatory when provisioning calling
     * packages" (on an update, read as bringing calling to a customer without it: one that has calling has its
     * location already).
     */
    private void customer(String call, JsonNode body, Set<String> had, List<String> refused) {
        Set<String> packages = strings(body.path("packages"));
        dependencies(call, packages, refused);
        if (call.startsWith("POST") && !body.hasNonNull("orgId") && !body.has("customerInfo")) {
            refused.add("customerInfo is mandatory for a new customer (no orgId)");
        }
        boolean bringsCalling = packages.stream().anyMatch(calling::contains) && had.stream().noneMatch(calling::contains);
        if (bringsCalling && !body.path("provisioningParameters").has("calling")) {
            refused.add("provisioningParameters.calling is mandatory when provisioning calling packages " + packages);
        }
    }

    /**
     * A subscriber: "Either packages or package field is required but not both", {@code packages} "Currently accepts
     * only one package", the dependencies; a number or an extension for a calling package (on a create, or on a
     * change from webex_meetings), and provisioning parameters on an update only on that change, else ignored.
     */
    private void subscriber(String call, JsonNode body, boolean create, Set<String> had, List<String> refused,
            List<String> ignored) {
        if (body.has("package") == body.has("packages")) {
            refused.add("either packages or package is required, not both");
        }
        Set<String> packages = body.has("package") ? Set.of(body.path("package").asText())
                : strings(body.path("packages"));
        if (body.has("packages") && packages.size() != 1) {
            refused.add("packages accepts only one package, not " + packages);
        }
        dependencies(call, packages, refused);
        boolean toCalling = packages.stream().anyMatch(calling::contains);
        if (!create && had == null) {
            return; // no earlier reply showed the subscriber's package
        }
        boolean fromMeetings = create || had.contains("webex_meetings");
        JsonNode params = body.path("provisioningParameters");
        if (!create && params.size() > 0 && !(toCalling && fromMeetings)) {
            ignored.add("provisioningParameters are only for a change from webex_meetings to a calling package "
                    + "(from " + had + " to " + packages + "), else ignored");
        }
        if (toCalling && fromMeetings && !params.has("primaryPhoneNumber") && !params.has("extension")) {
            refused.add("a calling package needs provisioningParameters.primaryPhoneNumber or extension");
        }
    }

    private void dependencies(String call, Set<String> packages, List<String> refused) {
        dependencies.getOrDefault(call, Map.of()).forEach((dependent, on) -> {
            if (packages.contains(dependent) && packages.stream().noneMatch(on::contains)) {
                refused.add(dependent + " is dependent on one of " + on);
            }
        });
    }

    /**
     * "Assign Licenses to Users": "At least one of ... email, personId"; "For Calling license assignment, properties
     * phoneNumber or extension are required. If phoneNumber is not provided then locationId is mandatory." A refused
     * assignment may be left out of a 206 reply, which then does not list it.
     */
    private static void licences(JsonNode body, Memory memory, RecordedExchange e, List<String> refused)
            throws Exception {
        if (!body.has("email") && !body.has("personId")) {
            refused.add("email or personId is required");
        }
        Set<String> granted = e.status() < 400 ? strings(MAPPER.readTree(e.responseBody()).path("licenses")) : Set.of();
        for (JsonNode licence : body.path("licenses")) {
            String id = licence.path("id").asText();
            JsonNode properties = licence.path("properties");
            boolean add = !"remove".equals(licence.path("operation").asText("add"));
            if (add && memory.callingLicences.contains(id) && granted.contains(id)
                    && ((!properties.has("phoneNumber") && !properties.has("extension"))
                    || (!properties.has("phoneNumber") && !properties.has("locationId")))) {
                refused.add("the calling licence " + id + " needs phoneNumber or extension, and locationId without "
                        + "phoneNumber");
            }
        }
    }

    /**
     * "Update a Person": "This action expects all user details to be present in the request" (a detail left out is
     * cleared), though {@code phoneNumbers} takes work numbers only; "The locationId ... cannot be changed if a user is
     * already an existing calling user."
     */
    private static void person(JsonNode body, JsonNode read, List<String> refused, List<String> ignored) {
        if (read == null) {
            ignored.add("a PUT without reading the person first cannot carry all its details");
            return;
        }
        for (String field : PERSON_PUT_FIELDS) {
            boolean held = field.equals("phoneNumbers") ? hasWorkNumber(read) : read.has(field);
            if (held && !body.has(field)) {
                ignored.add("the PUT leaves out " + field + ", which the person holds: it would be cleared");
            }
        }
        if (read.has("locationId") && body.has("locationId") && !read.get("locationId").equals(body.get("locationId"))) {
            refused.add("the locationId of a calling user cannot change");
        }
    }

    private static boolean hasWorkNumber(JsonNode person) {
        for (JsonNode number : person.path("phoneNumbers")) {
            if ("work".equals(number.path("type").asText())) {
                return true;
            }
        }
        return false;
    }

    /** The properties of "Update a Person"'s body in Cisco's admin file. */
    private static final List<String> PERSON_PUT_FIELDS = List.of("emails", "phoneNumbers", "extension",
            "locationId", "displayName", "firstName", "lastName", "nickName", "avatar", "orgId", "roles", "licenses",
            "department", "manager", "managerId", "title", "addresses", "siteUrls", "loginEnabled");

    private static Set<String> strings(JsonNode array) {
        Set<String> values = new LinkedHashSet<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    /** What earlier replies said: packages by object URL, people by URL, the licences named as calling ones. */
    private static final class Memory {
        private final Map<String, Set<String>> packages = new HashMap<>();
        private final Map<String, JsonNode> people = new HashMap<>();
        private final Set<String> callingLicences = new HashSet<>();

        Set<String> packages(String path) {
            return packages.getOrDefault(path, Set.of());
        }

        Set<String> known(String path) {
            return packages.get(path);
        }

        JsonNode read(String path) {
            return people.get(path);
        }

        void learn(RecordedExchange e) throws Exception {
            if (e.status() >= 300 || e.responseBody().isBlank() || !e.responseBody().startsWith("{")) {
                return;
            }
            JsonNode reply = MAPPER.readTree(e.responseBody());
            String collection = e.path().replaceAll("/[^/]+$", "");
            for (JsonNode item : reply.has("items") ? reply.path("items") : List.of(reply)) {
                if (item.has("id") && (item.has("packages") || item.has("package"))) {
                    String url = e.path().matches("/v1/wholesale/(customers|subscribers)") ? e.path() + "/"
                            + item.path("id").asText() : collection + "/" + item.path("id").asText();
                    packages.put(url, item.has("packages") ? strings(item.path("packages"))
                            : Set.of(item.path("package").asText()));
                }
                if (e.path().matches("/v1/people/[^/]+") && e.method().matches("GET|PUT")) {
                    people.put(e.path(), item);
                }
                if (e.path().equals("/v1/licenses") && item.path("name").asText().contains("Calling")) {
                    callingLicences.add(item.path("id").asText());
                }
            }
        }
    }
}
