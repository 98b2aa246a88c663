package dev.partnerhub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;

/**
 * The local admin endpoint: plays the end user (enter an email, validate it), manages onboarding templates
 * and settings, injects faults, and dumps the hub's records. Not part of any vendor API; open on loopback.
 */
final class AdminApi {

    private final HubStore store;
    private final Faults faults;
    private final RequestCounts requests;
    private final WholesaleApi wholesale;
    private final WholesaleSubscribersApi wholesaleSubscribers;
    private final BroadWorksApi broadworks;
    private final LicensesApi people;

    AdminApi(HubStore store, Faults faults, RequestCounts requests, WholesaleApi wholesale,
            WholesaleSubscribersApi wholesaleSubscribers, BroadWorksApi broadworks, LicensesApi people) {
        this.store = store;
        this.faults = faults;
        this.requests = requests;
        this.wholesale = wholesale;
        this.wholesaleSubscribers = wholesaleSubscribers;
        this.broadworks = broadworks;
        this.people = people;
    }

    void register(Router router) {
        router.add("GET", "/admin/state", Router.Access.OPEN, r -> HubResponse.ok(state()))
                .add("GET", "/admin/requests", Router.Access.OPEN, r -> HubResponse.ok(requests.render()))
                .add("DELETE", "/admin/requests", Router.Access.OPEN, r -> {
                    requests.reset();
                    return HubResponse.noContent();
                })
                .add("POST", "/admin/templates", Router.Access.OPEN, this::addTemplate)
                .add("PUT", "/admin/settings", Router.Access.OPEN, this::settings)
                .add("POST", "/admin/faults", Router.Access.OPEN, this::addFault)
                .add("DELETE", "/admin/faults", Router.Access.OPEN, r -> {
                    faults.clear();
                    return HubResponse.noContent();
                })
                .add("PUT", "/admin/orgs/{orgId}/licenses/{license}", Router.Access.OPEN, this::setSeats)
                .add("POST", "/admin/orgs", Router.Access.OPEN, this::createOrg)
                .add("POST", "/admin/orgs/{orgId}/approve", Router.Access.OPEN, this::approveAttach);
    }

    /** A customer org that exists before the partner attaches to it: its size, domains and licences. */
    private HubResponse createOrg(HubRequest r) {
        JsonNode b = r.body();
        HubStore.ExistingOrg org = new HubStore.ExistingOrg();
        org.id = HubStore.newId("ORGANIZATION");
        org.name = r.requiredText(b, "name");
        org.users = b.path("users").asInt(0);
        org.verifiedDomain = b.path("verifiedDomain").asBoolean(false);
        org.claimedDomain = b.path("claimedDomain").asBoolean(false);
        org.activeLicenses = b.path("activeLicenses").asBoolean(true);
        store.orgs.put(org.id, org);
        return HubResponse.of(201, renderOrg(org));
    }

    /** The customer org's administrator adds the partner administrator as an external Full Administrator. */
    private HubResponse approveAttach(HubRequest r) {
        HubStore.ExistingOrg org = store.orgs.get(r.pathParam("orgId"));
        if (org == null) {
            throw HubError.notFound("Organization " + r.pathParam("orgId"));
        }
        org.approved = true;
        return HubResponse.ok(renderOrg(org));
    }

    private static ObjectNode renderOrg(HubStore.ExistingOrg o) {
        ObjectNode node = Json.object().put("orgId", o.id).put("name", o.name).put("users", o.users)
                .put("verifiedDomain", o.verifiedDomain).put("claimedDomain", o.claimedDomain)
                .put("activeLicenses", o.activeLicenses).put("approved", o.approved);
        Json.put(node, "attachedTo", o.attachedTo);
        return node;
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
        String adminEmail = HubRequest.optionalText(r.body(), "adminEmail");
        store.templates.put(id, new HubStore.Template(id, name == null ? id : name, trusted,
                adminEmail == null ? HubSettings.PARTNER_ADMIN : adminEmail));
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
        String malformed = HubRequest.optionalText(b, "malformed");
        faults.add(new Faults.Fault(HubRequest.optionalText(b, "method"), b.path("pathPrefix").asText("/v1/"),
                b.path("status").asInt(0), b.hasNonNull("retryAfterSeconds") ? b.get("retryAfterSeconds").asInt() : null,
                b.path("latencyMs").asLong(0), b.path("lostReply").asBoolean(false), b.path("replyDelayMs").asLong(0),
                malformed == null ? null : malformed(malformed), b.path("stallMs").asLong(0),
                Math.max(1, b.path("times").asInt(1))));
        return HubResponse.of(201, b);
    }

    private static Faults.Malformed malformed(String value) {
        try {
            return Faults.Malformed.valueOf(value.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw HubError.badRequest(4000, "malformed: one of html, truncated, no_ids.");
        }
    }

    private ObjectNode state() {
        ObjectNode state = Json.object();
        var templates = state.putArray("templates");
        store.templates.values().forEach(t -> templates.addObject().put("provisioningId", t.provisioningId())
                .put("name", t.name()).put("trustedEmail", t.trustedEmail()));
        state.set("wholesaleCustomers", Json.items(store.customers.values().stream()
                .map(wholesale::render).toList()).get("items"));
        state.set("wholesaleSubscribers", Json.items(store.subscribers.values().stream()
                .filter(s -> !s.broadworks).map(wholesaleSubscribers::render).toList()).get("items"));
        state.set("broadworksEnterprises", Json.items(store.enterprises.values().stream()
                .map(broadworks::render).toList()).get("items"));
        state.set("broadworksSubscribers", Json.items(store.subscribers.values().stream()
                .filter(s -> s.broadworks).map(broadworks::render).toList()).get("items"));
        var licenses = state.putArray("licenses");
        store.licenses.values().forEach(l -> licenses.addObject().put("id", l.id).put("orgId", l.orgId)
                .put("name", l.name).put("totalUnits", l.totalUnits).set("holders", Json.strings(l.holders)));
        var orgs = state.putArray("orgs");
        store.orgs.values().forEach(o -> orgs.add(renderOrg(o)));
        state.set("consumerAccounts", Json.strings(store.consumerAccounts));
        var consent = state.putObject("consentEmails");
        store.consentEmails.forEach(consent::put);
        // Each person as the People API shows it, but with licence names instead of IDs.
        var persons = state.putArray("people");
        store.people.values().forEach(p -> persons.add(people.render(p)
                .set("licenses", Json.strings(p.licenses.stream().map(id -> store.licenses.get(id).name).toList()))));
        return state;
    }
}
