package dev.partnerhub.sandbox.webex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partnerhub.sandbox.HubError;
import dev.partnerhub.sandbox.HubRequest;
import dev.partnerhub.sandbox.HubResponse;
import dev.partnerhub.sandbox.Json;
import dev.partnerhub.sandbox.Paging;
import dev.partnerhub.sandbox.Router;
import dev.partnerhub.sandbox.webex.WebexRecords.Customer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/** The Webex Wholesale customers endpoints, with their documented asynchronous semantics. */
final class WholesaleApi {

    static final Set<String> CUSTOMER_PACKAGES = Set.of("common_area_calling", "webex_calling", "webex_meetings",
            "webex_suite", "webex_voice", "cx_essentials", "webex_calling_standard", "cisco_calling_plan",
            "attendant_console", "cx_premium_agent", "cx_standard_agent", "cx_voice_ports", "cx_ai_assistant",
            "webex_ai_agent");
    static final Set<String> SUBSCRIBER_PACKAGES = Set.of("webex_calling", "webex_meetings", "webex_suite",
            "webex_voice", "cx_essentials", "webex_calling_standard", "attendant_console", "cx_premium_agent",
            "cx_standard_agent");
    /**
     * Customer packages that bring Webex Calling: provisioning one needs {@code provisioningParameters.calling.location}
     * ("Mandatory when provisioning calling packages", Cisco's "Provision a Wholesale Customer"). They are the
     * packages Cisco's file says cisco_calling_plan depends on.
     */
    static final Set<String> CALLING_CUSTOMER_PACKAGES = Set.of("common_area_calling", "webex_calling", "webex_suite",
            "webex_voice", "cx_essentials", "webex_calling_standard");
    /** Packages that give the user a phone line: they need a primary phone number or an extension. */
    static final Set<String> CALLING_PACKAGES = Set.of("webex_calling", "webex_suite", "webex_voice",
            "webex_calling_standard", "cx_essentials");

    private final WebexStore store;
    private final Supplier<String> baseUrl;

    WholesaleApi(WebexStore store, Supplier<String> baseUrl) {
        this.store = store;
        this.baseUrl = baseUrl;
    }

    void register(Router router) {
        router.add("GET", "/v1/wholesale/customers", Router.Access.BEARER, this::listCustomers)
                .add("POST", "/v1/wholesale/customers", Router.Access.BEARER, this::createCustomer)
                .add("GET", "/v1/wholesale/customers/{customerId}", Router.Access.BEARER, this::getCustomer)
                .add("PUT", "/v1/wholesale/customers/{customerId}", Router.Access.BEARER, this::updateCustomer)
                .add("DELETE", "/v1/wholesale/customers/{customerId}", Router.Access.BEARER, this::deleteCustomer);
    }

    private HubResponse listCustomers(HubRequest r) {
        String externalId = r.query("externalId");
        String orgId = r.query("orgId");
        List<String> statuses = r.query().getOrDefault("status", List.of());
        List<Customer> matching = store.customers.values().stream()
                .filter(c -> externalId == null || externalId.equals(c.externalId))
                .filter(c -> orgId == null || orgId.equals(c.orgId))
                .filter(c -> statuses.isEmpty() || statuses.contains(c.status))
                .toList();
        return Paging.page(r, baseUrl.get(), matching, this::render);
    }

    private HubResponse createCustomer(HubRequest r) {
        JsonNode body = r.body();
        String provisioningId = r.requiredText(body, "provisioningId");
        String externalId = r.requiredText(body, "externalId");
        store.template(provisioningId);
        List<String> packages = packages(body, CUSTOMER_PACKAGES, true);
        JsonNode address = requiredAddress(r, body);
        JsonNode location = callingLocation(r, body, packages);
        JsonNode info = body.get("customerInfo");
        String orgId = HubRequest.optionalText(body, "orgId");
        if (orgId == null && (info == null || !info.isObject())) {
            throw HubError.badRequest(HubError.HUB_MISSING_FIELD, "Missing required field: customerInfo (mandatory for a new customer).");
        }
        if (store.customers.values().stream().anyMatch(c -> externalId.equals(c.externalId))) {
            throw HubError.conflict(WebexCodes.HUB_DUPLICATE_EXTERNAL_ID, "A customer with externalId " + externalId + " already exists.");
        }
        WebexRecords.ExistingOrg existing = orgId == null ? null : attachable(orgId, provisioningId);
        Customer c = new Customer();
        c.id = WebexStore.newId("CUSTOMER");
        c.externalId = externalId;
        c.provisioningId = provisioningId;
        c.orgId = orgId;
        if (existing != null) {
            c.name = existing.name;
            existing.attachedTo = c.id;
            existing.partnerRole = existing.partnerRoleOnAttach();
        } else if (info != null) {
            c.name = r.requiredText(info, "name");
            if (c.name.contains("%")) {
                throw HubError.badRequest(WebexCodes.HUB_NAME_CHARACTER, "customerInfo.name cannot include the % character.");
            }
            c.primaryEmail = r.requiredText(info, "primaryEmail");
            c.language = HubRequest.optionalText(info, "language");
        }
        c.address = address;
        c.callingLocation = location;
        c.packages = packages;
        c.status = "provisioning";
        c.created = store.now();
        c.due = store.now().plus(store.customerDelay);
        store.customers.put(c.id, c);
        return accepted(c);
    }

    /**
     * The rules of seed 003 for attaching an existing org: one partner customer per org, and the org's
     * administrator must approve first when the org has 100 users or more, a verified or a claimed domain.
     */
    private WebexRecords.ExistingOrg attachable(String orgId, String provisioningId) {
        WebexRecords.ExistingOrg org = store.orgs.get(orgId);
        if (org == null) {
            throw HubError.badRequest(WebexCodes.HUB_UNKNOWN_ORG, "Organization " + orgId + " does not exist.");
        }
        if (org.attachedTo != null) {
            throw HubError.conflict(WebexCodes.HUB_ORG_ATTACHED, "Organization " + org.name + " is already attached to customer "
                    + org.attachedTo + "; an organization can be attached to one customer only.");
        }
        boolean needsApproval = org.users >= 100 || org.verifiedDomain || org.claimedDomain;
        if (needsApproval && !org.approved) {
            throw HubError.conflict(WebexCodes.APPROVAL_REQUIRED, "The administrator of organization " + org.name + " must approve the "
                    + "partner: add " + store.template(provisioningId).adminEmail() + " as an external Full "
                    + "Administrator of the organization, then the attach proceeds.");
        }
        return org;
    }

    private HubResponse getCustomer(HubRequest r) {
        return HubResponse.ok(render(store.customer(r.pathParam("customerId"))));
    }

    private HubResponse updateCustomer(HubRequest r) {
        Customer c = store.customer(r.pathParam("customerId"));
        if (!"provisioned".equals(c.status) && !"provisioned_with_errors".equals(c.status)
                && !"error".equals(c.status)) {
            throw new HubError(423, WebexCodes.HUB_CUSTOMER_BUSY, "Customer " + c.id + " is " + c.status + "; retry when it is provisioned.", 2);
        }
        List<String> packages = packages(r.body(), CUSTOMER_PACKAGES, true);
        if (!hasCalling(c.packages)) {
            // Cisco's update takes the same provisioningParameters: bringing calling to a customer needs its location.
            JsonNode location = callingLocation(r, r.body(), packages);
            c.callingLocation = location != null ? location : c.callingLocation;
        }
        c.packages = packages;
        if (r.body().has("address")) {
            c.address = requiredAddress(r, r.body());
        }
        c.status = "updating";
        c.due = store.now().plus(store.customerDelay);
        return accepted(c);
    }

    private HubResponse deleteCustomer(HubRequest r) {
        Customer c = store.customer(r.pathParam("customerId"));
        if (!store.index.wholesaleOf(c.id).isEmpty()) {
            throw HubError.conflict(WebexCodes.HUB_CUSTOMER_HAS_SUBSCRIBERS, "Customer " + c.id + " still has subscribers; delete them first.");
        }
        c.status = "deleting";
        c.due = store.now().plus(store.customerDelay);
        return HubResponse.of(202, null);
    }









    /** The package list of a body: {@code packages}, or the deprecated single {@code package}. */
    static List<String> packages(JsonNode body, Set<String> allowed, boolean required) {
        List<String> result = new ArrayList<>();
        JsonNode list = body.get("packages");
        if (list != null && list.isArray()) {
            list.forEach(p -> result.add(p.asText()));
        } else if (body.hasNonNull("package")) {
            result.add(body.get("package").asText());
        }
        if (required && result.isEmpty()) {
            throw HubError.badRequest(HubError.HUB_MISSING_FIELD, "Missing required field: packages.");
        }
        for (String p : result) {
            if (!allowed.contains(p)) {
                throw HubError.badRequest(WebexCodes.HUB_INVALID_PACKAGE, "Invalid package: " + p + ". Allowed: "
                        + allowed.stream().sorted().toList() + ".");
            }
        }
        return result.stream().distinct().toList();
    }

    private static JsonNode requiredAddress(HubRequest r, JsonNode body) {
        return requiredAddress(body.get("address"), "address");
    }

    private static JsonNode requiredAddress(JsonNode address, String path) {
        if (address == null || !address.isObject()) {
            throw HubError.badRequest(HubError.HUB_MISSING_FIELD, "Missing required field: " + path + ".");
        }
        for (String field : List.of("addressLine1", "city", "country")) {
            if (HubRequest.optionalText(address, field) == null || address.get(field).asText().isBlank()) {
                throw HubError.badRequest(HubError.HUB_MISSING_FIELD, "Missing required field: " + path + "." + field + ".");
            }
        }
        return address;
    }

    static boolean hasCalling(List<String> packages) {
        return packages.stream().anyMatch(CALLING_CUSTOMER_PACKAGES::contains);
    }

    /**
     * The calling location of a body that provisions calling packages, with the fields Cisco's schema requires (name,
     * address, timezone, language); null when no calling package is asked for. The error code is the hub's generic
     * "missing field" code: Cisco's file lists none.
     */
    private static JsonNode callingLocation(HubRequest r, JsonNode body, List<String> packages) {
        if (!hasCalling(packages)) {
            return null;
        }
        JsonNode location = body.path("provisioningParameters").path("calling").path("location");
        String path = "provisioningParameters.calling.location";
        if (!location.isObject()) {
            throw HubError.badRequest(HubError.HUB_MISSING_FIELD, "Missing required field: " + path + " (mandatory when provisioning "
                    + "calling packages " + packages.stream().filter(CALLING_CUSTOMER_PACKAGES::contains).toList()
                    + ").");
        }
        for (String field : List.of("name", "timezone", "language")) {
            if (HubRequest.optionalText(location, field) == null || location.get(field).asText().isBlank()) {
                throw HubError.badRequest(HubError.HUB_MISSING_FIELD, "Missing required field: " + path + "." + field + ".");
            }
        }
        requiredAddress(location.get("address"), path + ".address");
        return location;
    }


    private HubResponse accepted(Customer c) {
        String url = baseUrl.get() + "/v1/wholesale/customers/" + c.id;
        ObjectNode body = Json.object().put("url", url);
        return new HubResponse(202, Map.of("Location", url), body);
    }

    ObjectNode render(Customer c) {
        ObjectNode node = Json.object();
        Json.put(node, "id", c.id);
        Json.put(node, "orgId", c.status.startsWith("provisioned") ? c.orgId : null);
        Json.put(node, "externalId", c.externalId);
        if (c.address != null) {
            node.set("address", c.address);
        }
        node.put("status", c.status);
        node.set("packages", Json.strings(c.packages));
        ObjectNode details = node.putObject("resourceDetails");
        var packages = details.putArray("packages");
        String packageStatus = c.status.startsWith("provisioned") ? "provisioned"
                : "deleting".equals(c.status) ? "deleting" : "provisioning";
        c.packages.forEach(p -> packages.addObject().put("name", p).put("status", packageStatus));
        return node;
    }

}
