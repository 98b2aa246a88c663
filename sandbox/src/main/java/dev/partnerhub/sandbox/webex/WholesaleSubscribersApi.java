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
import dev.partnerhub.sandbox.webex.WebexRecords.Subscriber;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The Webex Wholesale subscribers endpoints: calling packages need a number, a package must be one of the
 * customer's, an email is unique, and an existing consumer account means consent first (202).
 */
final class WholesaleSubscribersApi {

    private final WebexStore store;
    private final Supplier<String> baseUrl;

    WholesaleSubscribersApi(WebexStore store, Supplier<String> baseUrl) {
        this.store = store;
        this.baseUrl = baseUrl;
    }

    void register(Router router) {
        router.add("GET", "/v1/wholesale/subscribers", Router.Access.BEARER, this::listSubscribers)
                .add("POST", "/v1/wholesale/subscribers", Router.Access.BEARER, this::createSubscriber)
                .add("GET", "/v1/wholesale/subscribers/{subscriberId}", Router.Access.BEARER, this::getSubscriber)
                .add("PUT", "/v1/wholesale/subscribers/{subscriberId}", Router.Access.BEARER, this::updateSubscriber)
                .add("DELETE", "/v1/wholesale/subscribers/{subscriberId}", Router.Access.BEARER,
                        this::deleteSubscriber);
    }

    private HubResponse listSubscribers(HubRequest r) {
        Instant changedAfter = r.queryInstant("lastStatusChange");
        Instant createdAfter = r.queryInstant("after");
        Map<String, String> filters = new java.util.HashMap<>();
        for (String name : List.of("customerId", "personId", "externalCustomerId", "email", "status")) {
            if (r.query(name) != null) {
                filters.put(name, r.query(name));
            }
        }
        Comparator<Subscriber> order = "lastStatusChange".equals(r.query("sortBy"))
                ? Comparator.comparing((Subscriber s) -> s.lastStatusChange)
                : Comparator.comparing((Subscriber s) -> s.created);
        if ("DESC".equalsIgnoreCase(r.query("sortOrder"))) {
            order = order.reversed();
        }
        Collection<Subscriber> candidates = filters.containsKey("customerId")
                ? store.index.wholesaleOf(filters.get("customerId"))
                : filters.containsKey("email") ? store.index.withEmail(filters.get("email"))
                : store.subscribers.values();
        List<Subscriber> matching = candidates.stream()
                .filter(s -> !s.broadworks)
                .filter(s -> matches(filters, "customerId", s.customerId))
                .filter(s -> matches(filters, "personId", s.personId))
                .filter(s -> matches(filters, "externalCustomerId", s.externalCustomerId))
                .filter(s -> !filters.containsKey("email") || filters.get("email").equalsIgnoreCase(s.email))
                .filter(s -> matches(filters, "status", s.status))
                .filter(s -> changedAfter == null || s.lastStatusChange.isAfter(changedAfter))
                .filter(s -> createdAfter == null || s.created.isAfter(createdAfter))
                .sorted(order)
                .toList();
        return Paging.page(r, baseUrl.get(), matching, this::render);
    }

    private HubResponse createSubscriber(HubRequest r) {
        JsonNode body = r.body();
        Customer c = customerForSubscriber(r.requiredText(body, "customerId"));
        String email = r.requiredText(body, "email");
        if (!email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw HubError.badRequest(WebexCodes.HUB_INVALID_EMAIL, "email: " + email + " is not an email address.");
        }
        if (!body.has("provisioningParameters")) {
            throw HubError.badRequest(HubError.HUB_MISSING_FIELD, "Missing required field: provisioningParameters.");
        }
        refuseExternal(c, email);
        store.subscriberByEmail(email).ifPresent(existing -> {
            throw HubError.conflict(WebexCodes.ALREADY_ASSOCIATED, "The email is already associated with an existing user.");
        });
        Subscriber s = new Subscriber();
        s.id = WebexStore.newId("SUBSCRIBER");
        s.customerId = c.id;
        s.externalCustomerId = c.externalId;
        s.email = email;
        s.created = store.now();
        applyProvisioning(s, body.get("provisioningParameters"));
        s.firstName = HubRequest.optionalText(body.get("provisioningParameters"), "firstName");
        s.lastName = HubRequest.optionalText(body.get("provisioningParameters"), "lastName");
        s.packageName = subscriberPackage(body, c, s);
        store.addSubscriber(s);
        if (store.hasConsumerAccount(email)) {
            store.setStatus(s, "pending_user_migration", null);
            return HubResponse.of(202, render(s));
        }
        store.setStatus(s, "provisioned", null);
        store.providePerson(s);
        return HubResponse.ok(render(s));
    }

    /**
     * Wholesale packages cannot go to an external user (seed 000): one whose email domain another organization has
     * claimed. Cisco's files document no error code for it; 10024 is the local hub's own.
     */
    private void refuseExternal(Customer c, String email) {
        String domain = domainOf(email);
        String owner = domain == null ? null : store.claimedDomains.get(domain.toLowerCase(java.util.Locale.ROOT));
        if (owner != null && !owner.equals(c.orgId)) {
            throw HubError.badRequest(WebexCodes.HUB_EXTERNAL_USER, "The user " + email + " is an external user: another organization has "
                    + "claimed the domain " + domain + ", and Wholesale packages cannot be assigned to external "
                    + "users. Use the user's address in a domain of the customer's own organization.");
        }
    }

    private static String domainOf(String email) {
        int at = email == null ? -1 : email.lastIndexOf('@');
        return at < 0 ? null : email.substring(at + 1);
    }

    private HubResponse getSubscriber(HubRequest r) {
        return HubResponse.ok(render(store.subscriber(r.pathParam("subscriberId"), false)));
    }

    /**
     * Cisco's "Update a Wholesale Subscriber": the provisioning parameters count only on a change from a package
     * without calling to a calling one; for a user who has calling already they "are ignored" (its number and
     * extension change through "Update a Person").
     */
    private HubResponse updateSubscriber(HubRequest r) {
        Subscriber s = store.subscriber(r.pathParam("subscriberId"), false);
        JsonNode body = r.body();
        List<String> requested = WholesaleApi.packages(body, WholesaleApi.SUBSCRIBER_PACKAGES, false);
        boolean toCalling = requested.stream().anyMatch(WholesaleApi.CALLING_PACKAGES::contains)
                && !WholesaleApi.CALLING_PACKAGES.contains(s.packageName);
        if (toCalling && body.has("provisioningParameters")) {
            applyProvisioning(s, body.get("provisioningParameters"));
        }
        if (body.has("package") || body.has("packages")) {
            store.changePackage(s, subscriberPackage(body, store.customer(s.customerId), s));
        }
        store.setStatus(s, "provisioned", null);
        return HubResponse.ok(render(s));
    }

    private HubResponse deleteSubscriber(HubRequest r) {
        store.removeSubscriber(store.subscriber(r.pathParam("subscriberId"), false));
        return HubResponse.noContent();
    }

    private Customer customerForSubscriber(String customerId) {
        Customer c = store.customers.get(customerId);
        if (c == null) {
            throw HubError.badRequest(WebexCodes.HUB_CUSTOMER_NOT_READY, "Customer " + customerId + " does not exist.");
        }
        if (!c.status.startsWith("provisioned")) {
            throw HubError.conflict(WebexCodes.HUB_CUSTOMER_DELETING, "Customer " + customerId + " is " + c.status
                    + "; subscribers can be added once it is provisioned.");
        }
        return c;
    }

    private String subscriberPackage(JsonNode body, Customer c, Subscriber s) {
        List<String> requested = WholesaleApi.packages(body, WholesaleApi.SUBSCRIBER_PACKAGES, false);
        if (requested.size() != 1) {
            throw HubError.badRequest(WebexCodes.HUB_INVALID_PACKAGE, "Exactly one of package or packages (with one package) is required.");
        }
        String pkg = requested.get(0);
        if (!c.packages.contains(pkg)) {
            throw HubError.badRequest(WebexCodes.HUB_PACKAGE_NOT_PROVISIONED, "Package " + pkg + " is not provisioned for customer " + c.externalId
                    + "; its packages are " + c.packages + ".");
        }
        if (WholesaleApi.CALLING_PACKAGES.contains(pkg) && s.primaryPhoneNumber == null && s.extension == null) {
            throw HubError.badRequest(WebexCodes.HUB_PACKAGE_DEPENDENCY, "Package " + pkg
                    + " requires a primaryPhoneNumber or an extension in provisioningParameters.");
        }
        return pkg;
    }

    private static void applyProvisioning(Subscriber s, JsonNode params) {
        if (params == null) {
            return;
        }
        s.primaryPhoneNumber = HubRequest.updatedText(params, "primaryPhoneNumber", s.primaryPhoneNumber);
        s.extension = HubRequest.updatedText(params, "extension", s.extension);
        s.locationId = HubRequest.updatedText(params, "locationId", s.locationId);
    }

    ObjectNode render(Subscriber s) {
        ObjectNode node = Json.object();
        Json.put(node, "id", s.id);
        Json.put(node, "personId", "provisioned".equals(s.status) ? s.personId : null);
        Json.put(node, "email", s.email);
        Json.put(node, "customerId", s.customerId);
        Json.put(node, "externalCustomerId", s.externalCustomerId);
        Json.put(node, "package", s.packageName);
        node.set("packages", Json.strings(List.of(s.packageName)));
        node.put("status", s.status);
        Json.put(node, "created", s.created);
        Json.put(node, "lastStatusChange", s.lastStatusChange);
        return node;
    }

    private static boolean matches(Map<String, String> filters, String name, String value) {
        return !filters.containsKey(name) || filters.get(name).equals(value);
    }
}
