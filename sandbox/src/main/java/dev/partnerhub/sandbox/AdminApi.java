package dev.partnerhub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partnerhub.sandbox.HubStore.Subscriber;
import java.time.Duration;

/**
 * The local admin endpoint: plays the end user (enter an email, validate it), manages onboarding templates
 * and settings, injects faults, and dumps the hub's records. Not part of any vendor API; open on loopback.
 */
final class AdminApi {

    private final HubStore store;
    private final Faults faults;
    private final WholesaleApi wholesale;
    private final BroadWorksApi broadworks;

    AdminApi(HubStore store, Faults faults, WholesaleApi wholesale, BroadWorksApi broadworks) {
        this.store = store;
        this.faults = faults;
        this.wholesale = wholesale;
        this.broadworks = broadworks;
    }

    void register(Router router) {
        router.add("GET", "/admin/state", Router.Access.OPEN, r -> HubResponse.ok(state()))
                .add("POST", "/admin/templates", Router.Access.OPEN, this::addTemplate)
                .add("PUT", "/admin/settings", Router.Access.OPEN, this::settings)
                .add("POST", "/admin/faults", Router.Access.OPEN, this::addFault)
                .add("DELETE", "/admin/faults", Router.Access.OPEN, r -> {
                    faults.clear();
                    return HubResponse.noContent();
                })
                .add("PUT", "/admin/orgs/{orgId}/licenses/{license}", Router.Access.OPEN, this::setSeats)
                .add("POST", "/admin/broadworks/subscribers/{subscriber}/enter-email", Router.Access.OPEN,
                        this::enterEmail)
                .add("POST", "/admin/broadworks/subscribers/{subscriber}/validate-email", Router.Access.OPEN,
                        this::validateEmail);
    }

    /** The end user enters an email address in the User Activation Portal. */
    private HubResponse enterEmail(HubRequest r) {
        Subscriber s = broadworksSubscriber(r.pathParam("subscriber"));
        String email = r.requiredText(r.body(), "email");
        if (!"pending_email_input".equals(s.status)) {
            throw HubError.conflict(2001, "Subscriber " + s.userId + " is " + s.status
                    + "; an email can be entered only in pending_email_input.");
        }
        store.subscriberByEmail(email).filter(other -> other != s).ifPresent(other -> {
            throw HubError.conflict(10022, "The email is already associated with an existing user.");
        });
        s.email = email;
        store.setStatus(s, "pending_email_validation", null);
        return HubResponse.ok(broadworks.render(s));
    }

    /** The end user clicks the link in the validation email. */
    private HubResponse validateEmail(HubRequest r) {
        Subscriber s = broadworksSubscriber(r.pathParam("subscriber"));
        if (!"pending_email_validation".equals(s.status)) {
            throw HubError.conflict(2002, "Subscriber " + s.userId + " is " + s.status
                    + "; only an entered email (pending_email_validation) can be validated.");
        }
        store.setStatus(s, "provisioning", store.subscriberDelay);
        return HubResponse.ok(broadworks.render(s));
    }

    private Subscriber broadworksSubscriber(String idOrUserId) {
        return store.subscribers.values().stream()
                .filter(s -> s.broadworks && (idOrUserId.equals(s.id) || idOrUserId.equals(s.userId)))
                .findFirst()
                .orElseThrow(() -> HubError.notFound("BroadWorks subscriber " + idOrUserId));
    }

    /** A partner buys or returns seats: changes the total units of one licence (by ID or name) of an org. */
    private HubResponse setSeats(HubRequest r) {
        String orgId = r.pathParam("orgId");
        String license = r.pathParam("license");
        HubStore.License l = store.licenses.values().stream()
                .filter(x -> x.orgId.equals(orgId) && (x.id.equals(license) || x.name.equalsIgnoreCase(license)))
                .findFirst().orElseThrow(() -> HubError.notFound("License " + license + " of org " + orgId));
        JsonNode total = r.body().get("totalUnits");
        if (total == null || !total.canConvertToInt() || total.asInt() < 0) {
            throw HubError.badRequest(4001, "totalUnits must be a whole number, 0 or more.");
        }
        l.totalUnits = total.asInt();
        return HubResponse.ok(Json.object().put("id", l.id).put("name", l.name).put("totalUnits", l.totalUnits)
                .put("consumedUnits", l.holders.size()));
    }

    private HubResponse addTemplate(HubRequest r) {
        String id = r.requiredText(r.body(), "provisioningId");
        boolean trusted = r.body().path("trustedEmail").asBoolean(true);
        String name = HubRequest.optionalText(r.body(), "name");
        store.templates.put(id, new HubStore.Template(id, name == null ? id : name, trusted));
        return HubResponse.of(201, r.body());
    }

    private HubResponse settings(HubRequest r) {
        JsonNode body = r.body();
        if (body.has("customerProvisioningDelayMs")) {
            store.customerDelay = Duration.ofMillis(body.get("customerProvisioningDelayMs").asLong());
        }
        if (body.has("subscriberProvisioningDelayMs")) {
            store.subscriberDelay = Duration.ofMillis(body.get("subscriberProvisioningDelayMs").asLong());
        }
        return HubResponse.ok(Json.object()
                .put("customerProvisioningDelayMs", store.customerDelay.toMillis())
                .put("subscriberProvisioningDelayMs", store.subscriberDelay.toMillis()));
    }

    private HubResponse addFault(HubRequest r) {
        JsonNode b = r.body();
        faults.add(new Faults.Fault(HubRequest.optionalText(b, "method"), b.path("pathPrefix").asText("/v1/"),
                b.path("status").asInt(0), b.hasNonNull("retryAfterSeconds") ? b.get("retryAfterSeconds").asInt() : null,
                b.path("latencyMs").asLong(0), b.path("lostReply").asBoolean(false), Math.max(1, b.path("times").asInt(1))));
        return HubResponse.of(201, b);
    }

    private ObjectNode state() {
        ObjectNode state = Json.object();
        var templates = state.putArray("templates");
        store.templates.values().forEach(t -> templates.addObject().put("provisioningId", t.provisioningId())
                .put("name", t.name()).put("trustedEmail", t.trustedEmail()));
        state.set("wholesaleCustomers", Json.items(store.customers.values().stream()
                .map(wholesale::render).toList()).get("items"));
        state.set("wholesaleSubscribers", Json.items(store.subscribers.values().stream()
                .filter(s -> !s.broadworks).map(wholesale::render).toList()).get("items"));
        state.set("broadworksEnterprises", Json.items(store.enterprises.values().stream()
                .map(broadworks::render).toList()).get("items"));
        state.set("broadworksSubscribers", Json.items(store.subscribers.values().stream()
                .filter(s -> s.broadworks).map(broadworks::render).toList()).get("items"));
        var licenses = state.putArray("licenses");
        store.licenses.values().forEach(l -> licenses.addObject().put("id", l.id).put("orgId", l.orgId)
                .put("name", l.name).put("totalUnits", l.totalUnits).set("holders", Json.strings(l.holders)));
        var people = state.putArray("people");
        store.people.values().forEach(p -> {
            var node = people.addObject().put("id", p.id).put("orgId", p.orgId);
            node.set("licenses", Json.strings(p.licenses.stream().map(id -> store.licenses.get(id).name).toList()));
            node.set("roles", Json.strings(p.roles));
        });
        return state;
    }
}
