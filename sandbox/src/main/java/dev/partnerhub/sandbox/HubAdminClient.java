package dev.partnerhub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Talks to a local partner hub's admin endpoint: plays the end user, injects faults, reads the records. */
public final class HubAdminClient {

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** @param baseUrl the hub's URL without the API version, for example {@code http://127.0.0.1:18089} */
    public HubAdminClient(String baseUrl) {
        this.baseUrl = baseUrl.replaceAll("/v1/?$", "").replaceAll("/$", "");
    }

    /** Every record of the hub: templates, wholesale customers and subscribers, enterprises, BroadWorks subscribers. */
    public JsonNode state() {
        return send("GET", "/admin/state", null);
    }

    /** The end user enters an email in the User Activation Portal (subscriber ID or BroadWorks user ID). */
    public JsonNode enterEmail(String subscriber, String email) {
        return send("POST", "/admin/broadworks/subscribers/" + enc(subscriber) + "/enter-email",
                Json.object().put("email", email));
    }

    /** The end user clicks the link of the validation email. */
    public JsonNode validateEmail(String subscriber) {
        return send("POST", "/admin/broadworks/subscribers/" + enc(subscriber) + "/validate-email", Json.object());
    }

    /** The partner buys or returns seats: sets the total units of a licence (by ID or name) of an org. */
    public JsonNode setSeats(String orgId, String license, int totalUnits) {
        return send("PUT", "/admin/orgs/" + enc(orgId) + "/licenses/" + enc(license).replace("+", "%20"),
                Json.object().put("totalUnits", totalUnits));
    }

    /** The end user accepts the consent email and moves their existing account (subscriber, user ID or email). */
    public JsonNode acceptMove(String subscriber) {
        return send("POST", "/admin/subscribers/" + enc(subscriber) + "/accept-move", Json.object());
    }

    /** Someone already has a consumer Webex account with this email. */
    public JsonNode addConsumerAccount(String email) {
        return send("POST", "/admin/consumer-accounts", Json.object().put("email", email));
    }

    /** A BroadWorks user activates Webex without the partner declaring them. */
    public JsonNode selfActivate(String spEnterpriseId, String userId, String email) {
        return send("POST", "/admin/broadworks/self-activate", Json.object().put("spEnterpriseId", spEnterpriseId)
                .put("userId", userId).put("email", email).put("firstName", "Self").put("lastName", "Activated"));
    }


    /** A customer org that exists before any partner attaches to it, with users of these email addresses. */
    public String createOrg(String name, int users, boolean verifiedDomain, boolean claimedDomain,
            boolean activeLicenses, String... emails) {
        com.fasterxml.jackson.databind.node.ObjectNode body = Json.object().put("name", name).put("users", users)
                .put("verifiedDomain", verifiedDomain).put("claimedDomain", claimedDomain)
                .put("activeLicenses", activeLicenses);
        java.util.Arrays.stream(emails).forEach(body.putArray("emails")::add);
        return send("POST", "/admin/orgs", body).path("orgId").asText();
    }

    /** The org's administrator approves the partner (adds it as external Full Administrator). */
    public JsonNode approveAttach(String orgId) {
        return send("POST", "/admin/orgs/" + enc(orgId) + "/approve", Json.object());
    }

    /** Injects a fault; see docs/local-mode.md for the fields. */
    public JsonNode addFault(ObjectNode fault) {
        return send("POST", "/admin/faults", fault);
    }

    /** Sets the hub's own limit of API calls per second (beyond it: 429, Retry-After 1); 0 lifts it. */
    public JsonNode rateLimit(int perSecond) {
        return send("PUT", "/admin/rate-limit", Json.object().put("perSecond", perSecond));
    }

    /** How many calls each kind of injected fault met so far ("429", "503", "lost-reply", "stall", ...). */
    public java.util.Map<String, Long> faultsApplied() {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        send("GET", "/admin/faults/applied", null).fields().forEachRemaining(e -> counts.put(e.getKey(),
                e.getValue().asLong()));
        return counts;
    }

    /** How many calls the API received, per method and route template, for example "POST /v1/wholesale/subscribers". */
    public java.util.Map<String, Long> requests() {
        java.util.Map<String, Long> counts = new java.util.TreeMap<>();
        send("GET", "/admin/requests", null).fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asLong()));
        return counts;
    }

    /** The calls received so far for one method and route template, 0 when none. */
    public long requests(String methodAndRoute) {
        return requests().getOrDefault(methodAndRoute, 0L);
    }

    /** The API calls received in each second of the last hour, by epoch second (seconds without calls are absent). */
    public java.util.SortedMap<Long, Long> requestsPerSecond() {
        java.util.SortedMap<Long, Long> series = new java.util.TreeMap<>();
        send("GET", "/admin/requests/per-second", null).fields().forEachRemaining(e -> series.put(
                Long.parseLong(e.getKey()), e.getValue().asLong()));
        return series;
    }

    public void resetRequests() {
        send("DELETE", "/admin/requests", null);
    }

    /** Moves the hub's clock forward (past a restore window, for example). */
    public JsonNode advanceClock(Duration by) {
        return send("POST", "/admin/clock", Json.object().put("advanceSeconds", by.toSeconds()));
    }

    /** A Partner Center customer tenant the partner has a relationship with, with the default SKUs; its ID. */
    public String createTenant(String name) {
        return send("POST", "/admin/partnercenter/tenants", Json.object().put("name", name)).path("tenantId")
                .asText();
    }

    /** The partner buys or returns seats of one SKU (by ID or name) of a Partner Center tenant. */
    public JsonNode setSkuSeats(String tenantId, String sku, int totalUnits) {
        return send("PUT", "/admin/partnercenter/tenants/" + enc(tenantId) + "/skus/" + enc(sku).replace("+", "%20"),
                Json.object().put("totalUnits", totalUnits));
    }

    /** The customer's own administrator gives a Partner Center user a directory role (by name). */
    public JsonNode addDirectoryRoleMember(String tenantId, String roleName, String userId) {
        return send("POST", "/admin/partnercenter/tenants/" + enc(tenantId) + "/directoryroles/"
                + enc(roleName).replace("+", "%20") + "/members", Json.object().put("userId", userId));
    }

    /** A Partner Center tenant as the hub holds it: its SKUs and every user, active or deleted. */
    public JsonNode tenant(String tenantId) {
        for (JsonNode t : state().path("partnerCenterTenants")) {
            if (tenantId.equals(t.path("tenantId").asText())) {
                return t;
            }
        }
        throw new IllegalStateException("The hub has no Partner Center tenant " + tenantId);
    }

    /** The org's administrator claims email domains: their users are external to every other org. */
    public JsonNode claimDomains(String orgId, String... domains) {
        com.fasterxml.jackson.databind.node.ObjectNode body = Json.object();
        java.util.Arrays.stream(domains).forEach(body.putArray("domains")::add);
        return send("PUT", "/admin/orgs/" + enc(orgId) + "/claimedDomains", body);
    }

    /** The customer's administrator makes a Webex person an attendee of one more meeting site. */
    public JsonNode addAttendeeSite(String personId, String siteUrl) {
        return send("POST", "/admin/people/" + enc(personId) + "/attendeeSites", Json.object().put("siteUrl", siteUrl));
    }

    /**
     * Registers an OAuth client with one of the hub's identity services ({@code webex}, or {@code microsoft} with the
     * app's tenant); its {@code clientId} and {@code clientSecret}.
     */
    public JsonNode registerOAuthClient(String vendor, String tenantId) {
        ObjectNode body = Json.object().put("vendor", vendor);
        Json.put(body, "tenantId", tenantId);
        return send("POST", "/admin/oauth/clients", body);
    }

    /** A person signs in with the client: a refresh token, of the vendor's lifetime or {@code lifetime}. */
    public String signIn(String clientId, Duration lifetime) {
        ObjectNode body = Json.object().put("clientId", clientId);
        if (lifetime != null) {
            body.put("lifetimeSeconds", lifetime.toSeconds());
        }
        return send("POST", "/admin/oauth/sign-ins", body).path("refreshToken").asText();
    }

    /** Revokes every refresh token of a client, and the access tokens issued from them. */
    public JsonNode revokeOAuthClient(String clientId) {
        return send("POST", "/admin/oauth/revocations", Json.object().put("clientId", clientId));
    }

    /** The person's next {@code count} Contact Center syncs come back Invalid. */
    public JsonNode invalidContactCenterSyncs(String email, int count) {
        return send("POST", "/admin/contactCenter/invalidSyncs", Json.object().put("email", email).put("count", count));
    }

    public void clearFaults() {
        send("DELETE", "/admin/faults", null);
    }

    public JsonNode settings(ObjectNode settings) {
        return send("PUT", "/admin/settings", settings);
    }

    private JsonNode send(String method, String path, JsonNode body) {
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                    .timeout(Duration.ofSeconds(10));
            request = body == null ? request.method(method, HttpRequest.BodyPublishers.noBody())
                    : request.header("Content-Type", "application/json").method(method,
                            HttpRequest.BodyPublishers.ofString(Json.MAPPER.writeValueAsString(body)));
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            JsonNode reply = response.body().isBlank() ? Json.object() : Json.MAPPER.readTree(response.body());
            if (response.statusCode() >= 300) {
                throw new IllegalStateException("The hub answered HTTP " + response.statusCode() + ": "
                        + reply.path("message").asText(reply.path("description").asText(response.body())));
            }
            return reply;
        } catch (IOException e) {
            throw new IllegalStateException("Cannot reach the local partner hub at " + baseUrl + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted", e);
        }
    }

    private static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
