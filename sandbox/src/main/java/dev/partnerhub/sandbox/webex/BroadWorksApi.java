package dev.partnerhub.sandbox.webex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partnerhub.sandbox.HubError;
import dev.partnerhub.sandbox.HubRequest;
import dev.partnerhub.sandbox.HubResponse;
import dev.partnerhub.sandbox.Json;
import dev.partnerhub.sandbox.Paging;
import dev.partnerhub.sandbox.Router;
import dev.partnerhub.sandbox.webex.WebexRecords.Enterprise;
import dev.partnerhub.sandbox.webex.WebexRecords.Subscriber;
import dev.partnerhub.sandbox.webex.WebexRecords.Template;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The Webex for BroadWorks enterprise and subscriber endpoints. The onboarding template named by the
 * provisioning ID decides the flow: trusted email goes straight to provisioning, untrusted email waits in
 * {@code pending_email_input} until the user enters and validates an address (see {@link AdminApi}).
 */
final class BroadWorksApi {

    static final Set<String> PACKAGES = Set.of("softphone", "basic", "standard", "premium");

    private final WebexStore store;
    private final Supplier<String> baseUrl;

    BroadWorksApi(WebexStore store, Supplier<String> baseUrl) {
        this.store = store;
        this.baseUrl = baseUrl;
    }

    void register(Router router) {
        router.add("GET", "/v1/broadworks/enterprises", Router.Access.BEARER, this::listEnterprises)
                .add("GET", "/v1/broadworks/subscribers", Router.Access.BEARER, this::listSubscribers)
                .add("POST", "/v1/broadworks/subscribers", Router.Access.BEARER, this::createSubscriber)
                .add("GET", "/v1/broadworks/subscribers/{subscriberId}", Router.Access.BEARER, this::getSubscriber)
                .add("PUT", "/v1/broadworks/subscribers/{subscriberId}", Router.Access.BEARER, this::updateSubscriber)
                .add("DELETE", "/v1/broadworks/subscribers/{subscriberId}", Router.Access.BEARER,
                        this::deleteSubscriber);
    }

    private HubResponse listEnterprises(HubRequest r) {
        String spEnterpriseId = r.query("spEnterpriseId");
        String startsWith = r.query("startsWith");
        List<Enterprise> matching = store.enterprises.values().stream()
                .filter(e -> spEnterpriseId == null || spEnterpriseId.equals(e.spEnterpriseId))
                .filter(e -> startsWith == null || e.spEnterpriseId.startsWith(startsWith))
                .toList();
        return Paging.page(r, baseUrl.get(), matching, this::render);
    }

    private HubResponse listSubscribers(HubRequest r) {
        Instant changedAfter = r.queryInstant("lastStatusChange");
        Instant createdAfter = r.queryInstant("after");
        String selfActivated = r.query("selfActivated");
        List<Subscriber> matching = store.subscribers.values().stream()
                .filter(s -> s.broadworks)
                .filter(s -> eq(r.query("userId"), s.userId))
                .filter(s -> eq(r.query("personId"), s.personId))
                .filter(s -> r.query("email") == null || r.query("email").equalsIgnoreCase(s.email))
                .filter(s -> eq(r.query("provisioningId"), s.provisioningId))
                .filter(s -> eq(r.query("spEnterpriseId"), s.spEnterpriseId))
                .filter(s -> eq(r.query("status"), s.status))
                .filter(s -> selfActivated == null || Boolean.parseBoolean(selfActivated) == s.selfActivated)
                .filter(s -> changedAfter == null || s.lastStatusChange.isAfter(changedAfter))
                .filter(s -> createdAfter == null || s.created.isAfter(createdAfter))
                .sorted(Comparator.comparing((Subscriber s) -> s.created))
                .toList();
        return Paging.page(r, baseUrl.get(), matching, this::render);
    }

    private HubResponse createSubscriber(HubRequest r) {
        JsonNode body = r.body();
        String provisioningId = r.requiredText(body, "provisioningId");
        String userId = r.requiredText(body, "userId");
        String spEnterpriseId = r.requiredText(body, "spEnterpriseId");
        Template template = store.template(provisioningId);
        Subscriber s = new Subscriber();
        s.broadworks = true;
        s.firstName = r.requiredText(body, "firstName");
        s.lastName = r.requiredText(body, "lastName");
        s.packageName = pkg(r.requiredText(body, "package"));
        s.primaryPhoneNumber = HubRequest.optionalText(body, "primaryPhoneNumber");
        s.extension = HubRequest.optionalText(body, "extension");
        String email = HubRequest.optionalText(body, "email");
        if (template.trustedEmail() && email == null) {
            throw HubError.badRequest(WebexCodes.HUB_TEMPLATE_MISMATCH, "The onboarding template " + provisioningId
                    + " uses trusted email: email is required.");
        }
        if (store.subscribers.values().stream().anyMatch(x -> x.broadworks && userId.equals(x.userId))) {
            throw HubError.conflict(WebexCodes.ALREADY_ASSOCIATED, "The BroadWorks UserID is already associated with "
                    + "an existing user.");
        }
        if (email != null && store.subscriberByEmail(email).isPresent()) {
            throw HubError.conflict(WebexCodes.ALREADY_ASSOCIATED, "The email is already associated with an existing "
                    + "user.");
        }
        Optional<Enterprise> known = store.enterprise(spEnterpriseId);
        boolean first = store.subscribers.values().stream().noneMatch(x -> x.broadworks
                && spEnterpriseId.equals(x.spEnterpriseId));
        WebexRecords.ExistingOrg attach = !first || known.map(e -> e.orgId).isPresent() || email == null ? null
                : attachable(email, template);
        if (attach == null && email != null && store.orgs.values().stream().anyMatch(o -> o.emails.contains(
                email.toLowerCase(Locale.ROOT)))) {
            // Only the first subscriber's email decides the org; a later one's user of another org stays there.
            throw HubError.conflict(WebexCodes.ALREADY_ASSOCIATED, "The email is already associated with an existing "
                    + "user.");
        }
        Enterprise enterprise = known.orElseGet(() -> newEnterprise(spEnterpriseId, provisioningId));
        if (attach != null) {
            enterprise.orgId = attach.id;
            attach.attachedTo = enterprise.id;
            attach.partnerRole = attach.partnerRoleOnAttach();
            store.ensureCatalog(attach.id);
        }
        s.id = WebexStore.newId("SUBSCRIBER");
        s.userId = userId;
        s.spEnterpriseId = enterprise.spEnterpriseId;
        s.provisioningId = provisioningId;
        s.created = store.now();
        s.email = email;
        if (template.trustedEmail()) {
            store.onboard(s);
        } else {
            // Untrusted: a validation email goes to a given address; without one the user enters it in the portal.
            store.setStatus(s, email == null ? "pending_email_input" : "pending_email_validation", null);
        }
        store.addSubscriber(s);
        return HubResponse.ok(render(s));
    }

    /**
     * Seed 003's attach: an enterprise without an org whose first subscriber's email is a user of an existing org
     * joins that org, which keeps its name; otherwise its org is made new when the subscriber is provisioned. The
     * org's administrator must approve the partner first when the org has 100 users or more, a verified or a claimed
     * domain (error 2017, which the seed names; the status and text are the hub's). The partner becomes Provisioning
     * Admin, Full Admin of an org with no active licences. An org already attached is no partner's to take: its user's
     * email is taken (10022).
     */
    private WebexRecords.ExistingOrg attachable(String email, Template template) {
        String address = email.toLowerCase(Locale.ROOT);
        WebexRecords.ExistingOrg org = store.orgs.values().stream().filter(o -> o.emails.contains(address))
                .findFirst().orElse(null);
        if (org == null) {
            return null;
        }
        if (org.attachedTo != null) {
            throw HubError.conflict(WebexCodes.ALREADY_ASSOCIATED, "The email is already associated with an existing "
                    + "user.");
        }
        if ((org.users >= 100 || org.verifiedDomain || org.claimedDomain) && !org.approved) {
            throw HubError.conflict(WebexCodes.APPROVAL_REQUIRED, "The administrator of organization " + org.name
                    + " must approve the partner: add " + template.adminEmail() + " as an external Full Administrator "
                    + "of the organization, then provision the user again.");
        }
        return org;
    }

    private Enterprise newEnterprise(String spEnterpriseId, String provisioningId) {
        Enterprise e = new Enterprise();
        e.id = WebexStore.newId("ENTERPRISE");
        e.spEnterpriseId = spEnterpriseId;
        e.provisioningId = provisioningId;
        store.enterprises.put(e.id, e);
        return e;
    }

    private HubResponse getSubscriber(HubRequest r) {
        return HubResponse.ok(render(store.subscriber(r.pathParam("subscriberId"), true)));
    }

    private HubResponse updateSubscriber(HubRequest r) {
        Subscriber s = store.subscriber(r.pathParam("subscriberId"), true);
        JsonNode body = r.body();
        if (body.hasNonNull("package")) {
            store.changePackage(s, pkg(body.get("package").asText()));
        }
        s.firstName = HubRequest.updatedText(body, "firstName", s.firstName);
        s.lastName = HubRequest.updatedText(body, "lastName", s.lastName);
        s.primaryPhoneNumber = HubRequest.updatedText(body, "primaryPhoneNumber", s.primaryPhoneNumber);
        s.extension = HubRequest.updatedText(body, "extension", s.extension);
        if ("provisioned".equals(s.status)) {
            store.setStatus(s, "updating", store.subscriberDelay);
        }
        return HubResponse.ok(render(s));
    }

    private HubResponse deleteSubscriber(HubRequest r) {
        store.removeSubscriber(store.subscriber(r.pathParam("subscriberId"), true));
        return HubResponse.noContent();
    }

    private static String pkg(String name) {
        if (!PACKAGES.contains(name)) {
            throw HubError.badRequest(WebexCodes.HUB_INVALID_PACKAGE, "Invalid package: " + name + ". Allowed: "
                    + PACKAGES.stream().sorted().toList() + ".");
        }
        return name;
    }

    private static boolean eq(String filter, String value) {
        return filter == null || filter.equals(value);
    }

    ObjectNode render(Enterprise e) {
        ObjectNode node = Json.object();
        Json.put(node, "id", e.id);
        Json.put(node, "orgId", e.orgId);
        Json.put(node, "provisioningId", e.provisioningId);
        Json.put(node, "spEnterpriseId", e.spEnterpriseId);
        return node;
    }

    ObjectNode render(Subscriber s) {
        ObjectNode node = Json.object();
        Json.put(node, "id", s.id);
        Json.put(node, "personId", "provisioned".equals(s.status) ? s.personId : null);
        Json.put(node, "userId", s.userId);
        Json.put(node, "spEnterpriseId", s.spEnterpriseId);
        Json.put(node, "firstName", s.firstName);
        Json.put(node, "lastName", s.lastName);
        Json.put(node, "email", s.email);
        Json.put(node, "primaryPhoneNumber", s.primaryPhoneNumber);
        Json.put(node, "extension", s.extension);
        Json.put(node, "package", s.packageName);
        node.put("status", s.status);
        if (s.errorCode != null) {
            node.putArray("errors").addObject().put("errorCode", s.errorCode).put("description", s.errorDescription);
        }
        Json.put(node, "created", s.created);
        Json.put(node, "lastStatusChange", s.lastStatusChange);
        Json.put(node, "provisioningId", s.provisioningId);
        node.put("selfActivated", s.selfActivated);
        return node;
    }
}
