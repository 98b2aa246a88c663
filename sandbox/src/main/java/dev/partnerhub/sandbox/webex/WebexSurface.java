package dev.partnerhub.sandbox.webex;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partnerhub.sandbox.HubError;
import dev.partnerhub.sandbox.HubSettings;
import dev.partnerhub.sandbox.Json;
import dev.partnerhub.sandbox.Router;
import dev.partnerhub.sandbox.Surface;
import dev.partnerhub.sandbox.oauth.TokenIssuer;
import java.time.Clock;
import java.util.function.Supplier;

/**
 * The Webex-shaped surface of the hub: Wholesale, BroadWorks, licences, people and partner APIs under {@code /v1},
 * the end user's steps and the Webex admin endpoints, over the Webex records. Errors are Webex's
 * {@code {message, errors[{errorCode, description}], trackingId}}.
 */
public final class WebexSurface implements Surface {

    private final WebexStore store;
    private final Supplier<String> baseUrl;

    private final TokenIssuer issuer;

    public WebexSurface(HubSettings settings, Clock clock, Supplier<String> baseUrl, TokenIssuer issuer) {
        this.issuer = issuer;
        this.store = new WebexStore(clock, settings.customerProvisioningDelay(), settings.subscriberProvisioningDelay());
        this.baseUrl = baseUrl;
        settings.templates().forEach(t -> store.templates.put(t.provisioningId(),
                new WebexRecords.Template(t.provisioningId(), t.name(), t.trustedEmail(), t.adminEmail())));
    }

    private WebexAdminApi admin;
    private ContactCenterApi contactCenter;

    @Override
    public void register(Router router) {
        WholesaleApi wholesale = new WholesaleApi(store, baseUrl);
        WholesaleSubscribersApi wholesaleSubscribers = new WholesaleSubscribersApi(store, baseUrl);
        BroadWorksApi broadworks = new BroadWorksApi(store, baseUrl);
        wholesale.register(router);
        wholesaleSubscribers.register(router);
        broadworks.register(router);
        new BroadWorksWorkspacesApi(store, baseUrl).register(router);
        // Literal paths first: /v1/people/me before /v1/people/{personId}.
        new PartnerApi(store).register(router);
        PeopleApi people = new PeopleApi(store, baseUrl);
        people.register(router);
        new LicensesApi(store, people).register(router);
        new MeetingPreferencesApi(store, people).register(router);
        new WebexTokenApi(issuer).register(router);
        admin = new WebexAdminApi(store, wholesale, wholesaleSubscribers, broadworks, people);
        admin.register(router);
        new EndUserApi(store, wholesaleSubscribers, broadworks).register(router);
        contactCenter = new ContactCenterApi(store);
        contactCenter.register(router);
    }

    /** Every {@code /v1} path but Partner Center's customers. */
    @Override
    public boolean owns(String path) {
        return path.startsWith("/v1/") && !path.startsWith("/v1/customers");
    }

    @Override
    public TokenIssuer.Vendor identityService() {
        return TokenIssuer.Vendor.WEBEX;
    }

    @Override
    public void settle() {
        store.settle();
    }

    @Override
    public void state(ObjectNode into) {
        admin.state(into);
        contactCenter.state(into);
    }

    @Override
    public ObjectNode error(HubError e, String trackingId) {
        ObjectNode body;
        if (e instanceof LicensesApi.LicenseRefusal refusal) {
            body = refusal.body().deepCopy();
        } else {
            body = Json.object().put("message", e.getMessage());
            body.putArray("errors").addObject().put("errorCode", e.errorCode()).put("description", e.getMessage());
        }
        body.put("trackingId", trackingId);
        return body;
    }
}
