package dev.partnerhub.sandbox.webex;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partnerhub.sandbox.HubError;
import dev.partnerhub.sandbox.HubRequest;
import dev.partnerhub.sandbox.HubResponse;
import dev.partnerhub.sandbox.Router;
import dev.partnerhub.sandbox.webex.WebexRecords.Enterprise;
import dev.partnerhub.sandbox.webex.WebexRecords.Subscriber;

/**
 * The local admin endpoint's end-user side: what a person does outside the partner's reach, in the User
 * Activation Portal, in an email, or in the Webex consumer portal (seeds 002 and 003).
 */
final class EndUserApi {

    private final WebexStore store;
    private final WholesaleSubscribersApi wholesale;
    private final BroadWorksApi broadworks;

    EndUserApi(WebexStore store, WholesaleSubscribersApi wholesale, BroadWorksApi broadworks) {
        this.store = store;
        this.wholesale = wholesale;
        this.broadworks = broadworks;
    }

    void register(Router router) {
        router.add("POST", "/admin/broadworks/subscribers/{subscriber}/enter-email", Router.Access.OPEN,
                        this::enterEmail)
                .add("POST", "/admin/broadworks/subscribers/{subscriber}/validate-email", Router.Access.OPEN,
                        this::validateEmail)
                .add("POST", "/admin/subscribers/{subscriber}/accept-move", Router.Access.OPEN, this::acceptMove)
                .add("POST", "/admin/broadworks/self-activate", Router.Access.OPEN, this::selfActivate)
                .add("POST", "/admin/consumer-accounts", Router.Access.OPEN, this::addConsumerAccount);
    }

    /** The end user enters an email address in the User Activation Portal. */
    private HubResponse enterEmail(HubRequest r) {
        Subscriber s = subscriber(r.pathParam("subscriber"), true);
        String email = r.requiredText(r.body(), "email");
        if (!"pending_email_input".equals(s.status) && !"error".equals(s.status)) {
            throw HubError.conflict(WebexCodes.HUB_NOT_AWAITING_EMAIL, "Subscriber " + s.userId + " is " + s.status
                    + "; an email can be entered only in pending_email_input.");
        }
        if (store.subscriberByEmail(email).filter(other -> other != s).isPresent()) {
            // The portal shows the problem to the user; the partner sees it in the subscriber's errors.
            s.errorCode = 10022;
            s.errorDescription = "The email is already associated with an existing user.";
            store.setStatus(s, "error", null);
            return HubResponse.ok(broadworks.render(s));
        }
        store.setEmail(s, email);
        s.errorCode = null;
        s.errorDescription = null;
        store.setStatus(s, "pending_email_validation", null);
        return HubResponse.ok(broadworks.render(s));
    }

    /** The end user clicks the link of the validation email. */
    private HubResponse validateEmail(HubRequest r) {
        Subscriber s = subscriber(r.pathParam("subscriber"), true);
        if (!"pending_email_validation".equals(s.status)) {
            throw HubError.conflict(WebexCodes.HUB_NOT_AWAITING_VALIDATION, "Subscriber " + s.userId + " is " + s.status
                    + "; only an entered email (pending_email_validation) can be validated.");
        }
        store.onboard(s);
        return HubResponse.ok(broadworks.render(s));
    }

    /** The end user opens the consent email, deletes the old account and joins the partner's org. */
    private HubResponse acceptMove(HubRequest r) {
        Subscriber s = subscriber(r.pathParam("subscriber"), null);
        if (!"pending_user_migration".equals(s.status)) {
            throw HubError.conflict(WebexCodes.HUB_NOT_AWAITING_MOVE, "Subscriber " + label(s) + " is " + s.status
                    + "; only a pending_user_migration can be accepted.");
        }
        store.consumerAccounts.removeIf(e -> e.equalsIgnoreCase(s.email));
        if (s.broadworks) {
            store.setStatus(s, "provisioning", store.subscriberDelay);
        } else {
            // Wholesale subscribers know only provisioned and pending_user_migration.
            store.setStatus(s, "provisioned", null);
            store.providePerson(s);
        }
        return HubResponse.ok(s.broadworks ? broadworks.render(s) : wholesale.render(s));
    }

    /** A BroadWorks user activates Webex in the User Access Portal without the partner declaring them. */
    private HubResponse selfActivate(HubRequest r) {
        JsonNode b = r.body();
        String spEnterpriseId = r.requiredText(b, "spEnterpriseId");
        Enterprise enterprise = store.enterprise(spEnterpriseId).orElseThrow(() -> HubError.badRequest(WebexCodes.HUB_UNKNOWN_ENTERPRISE,
                "Enterprise " + spEnterpriseId + " does not exist; self-activation needs a provisioned enterprise."));
        Subscriber s = new Subscriber();
        s.broadworks = true;
        s.selfActivated = true;
        s.id = WebexStore.newId("SUBSCRIBER");
        s.userId = r.requiredText(b, "userId");
        s.email = r.requiredText(b, "email");
        s.firstName = HubRequest.optionalText(b, "firstName");
        s.lastName = HubRequest.optionalText(b, "lastName");
        s.packageName = b.path("package").asText("basic");
        s.spEnterpriseId = spEnterpriseId;
        s.provisioningId = enterprise.provisioningId;
        s.created = store.now();
        store.addSubscriber(s);
        store.setStatus(s, "provisioning", store.subscriberDelay);
        return HubResponse.of(201, broadworks.render(s));
    }

    private HubResponse addConsumerAccount(HubRequest r) {
        store.consumerAccounts.add(r.requiredText(r.body(), "email"));
        return HubResponse.of(201, r.body());
    }

    /** A subscriber by ID, BroadWorks user ID or email; {@code broadworks} null accepts either model. */
    private Subscriber subscriber(String key, Boolean broadworks) {
        return store.subscribers.values().stream()
                .filter(s -> broadworks == null || s.broadworks == broadworks)
                .filter(s -> key.equals(s.id) || key.equals(s.userId) || key.equalsIgnoreCase(String.valueOf(s.email)))
                .findFirst()
                .orElseThrow(() -> HubError.notFound("Subscriber " + key));
    }

    private static String label(Subscriber s) {
        return s.userId != null ? s.userId : s.email;
    }
}
