package dev.partnerhub.sandbox.partnercenter;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partnerhub.sandbox.HubError;
import dev.partnerhub.sandbox.HubResponse;
import dev.partnerhub.sandbox.Json;
import dev.partnerhub.sandbox.Router;
import dev.partnerhub.sandbox.Surface;
import dev.partnerhub.sandbox.oauth.TokenIssuer;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The Partner-Center-shaped surface of the hub: customers, their users and licences under {@code /v1/customers}, and
 * the Partner Center admin endpoints. Errors are Partner Center's {@code {code, description, data, source}}; a
 * throttled call gets its {@code {statusCode, message}}. It starts with one demo tenant,
 * {@value #DEMO_TENANT} (Contoso).
 */
public final class PartnerCenterSurface implements Surface {

    /** The tenant every hub starts with, which the samples name. */
    public static final String DEMO_TENANT = "4c9d0f3e-8a1b-4c2d-9e3f-5a6b7c8d9e0f";

    private static final int REMEMBERED_REPLIES = 10_000;

    private final PartnerCenterStore store;
    private final PartnerCenterAdminApi admin;
    /** The replies to writes by their MS-RequestId, the newest kept. */
    private final Map<String, HubResponse> replies = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, false) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, HubResponse> eldest) {
                    return size() > REMEMBERED_REPLIES;
                }
            });

    private final TokenIssuer issuer;

    public PartnerCenterSurface(Clock clock, TokenIssuer issuer) {
        this.issuer = issuer;
        this.store = new PartnerCenterStore(clock);
        this.admin = new PartnerCenterAdminApi(store);
        admin.addTenant(DEMO_TENANT, "Contoso Ltd");
    }

    @Override
    public void register(Router router) {
        new PartnerCenterUsersApi(store).register(router);
        new PartnerCenterLicensesApi(store).register(router);
        new PartnerCenterRolesApi(store).register(router);
        new IdentityPlatformApi(issuer).register(router);
        admin.register(router);
    }

    @Override
    public boolean owns(String path) {
        return path.startsWith("/v1/customers");
    }

    @Override
    public TokenIssuer.Vendor identityService() {
        return TokenIssuer.Vendor.MICROSOFT;
    }

    @Override
    public void settle() {
        store.settle();
    }

    @Override
    public void state(ObjectNode into) {
        var tenants = into.putArray("partnerCenterTenants");
        store.tenants.values().forEach(t -> tenants.add(admin.state(t)));
    }

    /**
     * Microsoft's headers page makes MS-RequestId the name of one request, for idempotency: a retry whose reply never
     * came carries the same ID, and a call after a reply (success or failure) a new one. So a write sent again under an
     * ID already answered gets that answer again, whatever it was, and is not carried out twice.
     */
    @Override
    public Optional<HubResponse> replay(String method, Map<String, String> headers) {
        String id = headers.get("ms-requestid");
        return "GET".equals(method) || id == null ? Optional.empty() : Optional.ofNullable(replies.get(id));
    }

    @Override
    public void answered(String method, Map<String, String> headers, HubResponse response) {
        String id = headers.get("ms-requestid");
        if (!"GET".equals(method) && id != null) {
            replies.putIfAbsent(id, response);
        }
    }

    @Override
    public ObjectNode error(HubError e, String trackingId) {
        if (e.status() == 429) {
            int seconds = e.retryAfterSeconds() == null ? 1 : e.retryAfterSeconds();
            return Json.object().put("statusCode", 429).put("message", "Rate limit is exceeded. Try again in "
                    + seconds + " seconds.");
        }
        int code = e.status() != 401 ? e.errorCode() : e.errorCode() == HubError.HUB_UNAUTHENTICATED
                ? PartnerCenterCodes.INVALID_TOKEN : PartnerCenterCodes.ACCESS_DENIED;
        ObjectNode body = Json.object().put("code", code).put("description", e.getMessage());
        var data = body.putArray("data");
        if (e instanceof PartnerCenterLicensesApi.QuotaExceeded) {
            data.add("LicenseQuotaExceededException: " + e.getMessage());
        }
        body.put("source", "PartnerFD");
        return body;
    }
}
