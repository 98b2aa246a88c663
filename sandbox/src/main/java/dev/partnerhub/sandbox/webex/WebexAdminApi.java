package dev.partnerhub.sandbox.webex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partnerhub.sandbox.HubError;
import dev.partnerhub.sandbox.HubRequest;
import dev.partnerhub.sandbox.HubResponse;
import dev.partnerhub.sandbox.HubSettings;
import dev.partnerhub.sandbox.Json;
import dev.partnerhub.sandbox.Router;
import java.time.Duration;
import java.util.Locale;

/**
 * The local admin endpoint's Webex part: onboarding templates, provisioning delays, orgs that exist before a partner
 * attaches them, seats per licence. Not part of any vendor API; open on loopback.
 */
final class WebexAdminApi {

    private final WebexStore store;
    private final WholesaleApi wholesale;
    private final WholesaleSubscribersApi wholesaleSubscribers;
    private final BroadWorksApi broadworks;
    private final PeopleApi people;

    WebexAdminApi(WebexStore store, WholesaleApi wholesale, WholesaleSubscribersApi wholesaleSubscribers,
            BroadWorksApi broadworks, PeopleApi people) {
        this.store = store;
        this.wholesale = wholesale;
        this.wholesaleSubscribers = wholesaleSubscribers;
        this.broadworks = broadworks;
        this.people = people;
    }

    void register(Router router) {
        router.add("POST", "/admin/templates", Router.Access.OPEN, this::addTemplate)
                .add("PUT", "/admin/settings", Router.Access.OPEN, this::settings)
                .add("PUT", "/admin/orgs/{orgId}/licenses/{license}", Router.Access.OPEN, this::setSeats)
                .add("POST", "/admin/orgs", Router.Access.OPEN, this::createOrg)
                .add("POST", "/admin/orgs/{orgId}/approve", Router.Access.OPEN, this::approveAttach)
                .add("PUT", "/admin/orgs/{orgId}/claimedDomains", Router.Access.OPEN, this::claimDomains)
                .add("POST", "/admin/people/{personId}/attendeeSites", Router.Access.OPEN, this::addAttendeeSite);
    }

    /** The customer's administrator makes a person an attendee of one more meeting site. */
    private HubResponse addAttendeeSite(HubRequest r) {
        WebexRecords.Person person = people.person(r.pathParam("personId"));
        person.siteUrls.add(r.requiredText(r.body(), "siteUrl") + "#attendee");
        return HubResponse.ok(people.render(person, false));
    }

    /** A customer org that exists before the partner attaches to it: its size, domains and licences. */
    private HubResponse createOrg(HubRequest r) {
        JsonNode b = r.body();
        WebexRecords.ExistingOrg org = new WebexRecords.ExistingOrg();
        org.id = WebexStore.newId("ORGANIZATION");
        org.name = r.requiredText(b, "name");
        org.users = b.path("users").asInt(0);
        org.verifiedDomain = b.path("verifiedDomain").asBoolean(false);
        org.claimedDomain = b.path("claimedDomain").asBoolean(false);
        org.activeLicenses = b.path("activeLicenses").asBoolean(true);
        b.path("emails").forEach(e -> org.emails.add(e.asText().toLowerCase(Locale.ROOT)));
        store.orgs.put(org.id, org);
        return HubResponse.of(201, renderOrg(org));
    }

    /** The customer org's administrator adds the partner administrator as an external Full Administrator. */
    private HubResponse approveAttach(HubRequest r) {
        WebexRecords.ExistingOrg org = store.orgs.get(r.pathParam("orgId"));
        if (org == null) {
            throw HubError.notFound("Organization " + r.pathParam("orgId"));
        }
        org.approved = true;
        return HubResponse.ok(renderOrg(org));
    }

    private static ObjectNode renderOrg(WebexRecords.ExistingOrg o) {
        ObjectNode node = Json.object().put("orgId", o.id).put("name", o.name).put("users", o.users)
                .put("verifiedDomain", o.verifiedDomain).put("claimedDomain", o.claimedDomain)
                .put("activeLicenses", o.activeLicenses).put("approved", o.approved);
        Json.put(node, "attachedTo", o.attachedTo);
        return node;
    }

    /** The org's administrator claims email domains: their users are external users of every other org. */
    private HubResponse claimDomains(HubRequest r) {
        String orgId = r.pathParam("orgId");
        store.claimedDomains.values().removeIf(orgId::equals);
        r.body().path("domains").forEach(d -> store.claimedDomains.put(d.asText().toLowerCase(Locale.ROOT), orgId));
        return HubResponse.ok(Json.object().put("orgId", orgId).set("domains", r.body().path("domains")));
    }

    /** A partner buys or returns seats: changes the total units of one licence (by ID or name) of an org. */
    private HubResponse setSeats(HubRequest r) {
        String orgId = r.pathParam("orgId");
        String license = r.pathParam("license");
        WebexRecords.License l = store.licenses.values().stream()
                .filter(x -> x.orgId.equals(orgId) && (x.id.equals(license) || x.name.equalsIgnoreCase(license)))
                .findFirst().orElseThrow(() -> HubError.notFound("License " + license + " of org " + orgId));
        JsonNode total = r.body().get("totalUnits");
        if (total == null || !total.canConvertToInt() || total.asInt() < 0) {
            throw HubError.badRequest(HubError.HUB_MISSING_FIELD, "totalUnits must be a whole number, 0 or more.");
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
        store.templates.put(id, new WebexRecords.Template(id, name == null ? id : name, trusted,
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
        if (body.has("peopleListDelayMs")) {
            store.peopleListDelay = Duration.ofMillis(body.get("peopleListDelayMs").asLong());
        }
        if (body.has("partnerFullAdmin")) {
            store.partnerFullAdmin = body.get("partnerFullAdmin").asBoolean();
        }
        return HubResponse.ok(Json.object()
                .put("customerProvisioningDelayMs", store.customerDelay.toMillis())
                .put("subscriberProvisioningDelayMs", store.subscriberDelay.toMillis())
                .put("peopleListDelayMs", store.peopleListDelay.toMillis())
                .put("partnerFullAdmin", store.partnerFullAdmin));
    }

    /** The Webex records, for the admin endpoint's dump. */
    void state(ObjectNode state) {
        var templates = state.putArray("templates");
        store.templates.values().forEach(t -> templates.addObject().put("provisioningId", t.provisioningId())
                .put("name", t.name()).put("trustedEmail", t.trustedEmail()));
        state.set("wholesaleCustomers", Json.items(store.customers.values().stream()
                .map(wholesale::render).toList()).get("items"));
        state.set("wholesaleSubscribers", Json.items(store.subscribers.values().stream()
                .filter(s -> !s.broadworks).map(wholesaleSubscribers::render).toList()).get("items"));
        state.set("broadworksEnterprises", Json.items(store.enterprises.values().stream()
                .map(broadworks::render).toList()).get("items"));
        state.set("broadworksWorkspaces", Json.items(store.workspaces.values().stream()
                .map(BroadWorksWorkspacesApi::render).toList()).get("items"));
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
        // Each person as the People API shows it, but with licence names instead of IDs, and its default site.
        var persons = state.putArray("people");
        store.people.values().forEach(p -> {
            ObjectNode person = people.render(p, true);
            person.set("licenses", Json.strings(p.licenses.stream().map(id -> store.licenses.get(id).name).toList()));
            Json.put(person, "defaultSite", people.defaultSite(p));
            persons.add(person);
        });
    }
}
