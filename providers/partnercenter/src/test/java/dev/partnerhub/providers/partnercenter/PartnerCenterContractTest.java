package dev.partnerhub.providers.partnercenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.providers.spi.errors.ProviderException;
import dev.partnerhub.providers.spi.model.CustomerScope;
import dev.partnerhub.providers.spi.model.LicenseChange;
import dev.partnerhub.providers.spi.model.PersonChange;
import dev.partnerhub.providers.spi.model.RemoteLicense;
import dev.partnerhub.providers.spi.model.RemoteUser;
import dev.partnerhub.providers.spi.model.UserRequest;
import dev.partnerhub.sandbox.HubAdminClient;
import dev.partnerhub.sandbox.HubSettings;
import dev.partnerhub.sandbox.LocalPartnerHub;
import dev.partnerhub.sandbox.RecordedExchange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * The wire contract of Partner Center: every exchange of a scenario that makes each call the client knows (users
 * across two pages, updates, a password reset, licences of both groups and a refusal, directory roles, deletion and
 * restore, an expired access token renewed through the identity platform, throttling) is checked against the
 * documented operations of {@link PartnerCenterContract}; the checker itself is shown to find each kind of breach.
 */
class PartnerCenterContractTest {

    private static final String PASSWORD = "Temp-Pass-1234";
    private static final String PARTNER_TENANT = "11111111-2222-3333-4444-555555555555";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Test
    void everyExchangeOfAFullScenarioIsADocumentedCallAnsweredAsDocumented() throws Exception {
        List<RecordedExchange> exchanges = new CopyOnWriteArrayList<>();
        try (LocalPartnerHub hub = LocalPartnerHub.start(HubSettings.defaults())) {
            hub.addListener(e -> {
                if (!e.path().startsWith("/admin/")) {
                    exchanges.add(e);
                }
            });
            HubAdminClient admin = new HubAdminClient(hub.url());
            runScenario(hub, admin, EntraApp.signedIn(hub, admin, PARTNER_TENANT).provider());
        }
        List<String> violations = new PartnerCenterContract().violations(exchanges);
        Set<String> calls = new java.util.TreeSet<>();
        exchanges.forEach(e -> calls.add(e.method() + " " + e.path().replaceAll("[0-9a-f]{8}-[0-9a-f-]{27}", "{id}")));
        assertThat(calls).contains(
                "GET /v1/customers/{id}", "GET /v1/customers/{id}/users", "POST /v1/customers/{id}/users",
                "PATCH /v1/customers/{id}/users/{id}", "DELETE /v1/customers/{id}/users/{id}",
                "POST /v1/customers/{id}/users/{id}/licenseupdates", "GET /v1/customers/{id}/subscribedskus",
                "GET /v1/customers/{id}/users/{id}/licenses", "GET /v1/customers/{id}/directoryroles",
                "GET /v1/customers/{id}/directoryroles/{id}/usermembers",
                "POST /v1/customers/{id}/directoryroles/{id}/usermembers",
                "DELETE /v1/customers/{id}/directoryroles/{id}/usermembers/{id}", "POST /{id}/oauth2/v2.0/token");
        assertThat(exchanges.stream().map(RecordedExchange::status).distinct()).contains(200, 201, 204, 400, 401,
                429);
        assertThat(exchanges).anySatisfy(e -> assertThat(e.query()).containsKey("seekOperation"));
        assertThat(violations).isEmpty();
    }

    private static void runScenario(LocalPartnerHub hub, HubAdminClient admin, Provider provider) {
        CustomerScope tenant = new CustomerScope(admin.createTenant("Contoso"));
        provider.probe();
        assertThat(provider.customers().get(tenant.id())).isPresent();
        List<RemoteUser> made = new ArrayList<>();
        for (int i = 0; i < 101; i++) {
            made.add(provider.users().create(tenant, user("user" + i + "@contoso.example.com")));
        }
        assertThat(provider.users().list(tenant, null)).hasSize(101);
        RemoteUser amy = made.get(0);
        provider.users().update(tenant, amy, new UserRequest(amy.key(), null, null, "Adams-Baker", null, null,
                "+14255550100", null, null, null, null, null));
        provider.users().resetPassword(tenant, amy.id(), "Another-Pass-5678");

        String e3 = license(provider, tenant, "Microsoft 365 E3");
        String minecraft = license(provider, tenant, "Minecraft Education");
        assertThat(provider.licensing().changeLicenses(tenant.id(), amy.id(), List.of(new LicenseChange(e3, true,
                null, null, null), new LicenseChange(minecraft, true, null, null, null))).refused()).isEmpty();
        admin.setSkuSeats(tenant.id(), "Microsoft 365 Business Standard", 0);
        assertThat(provider.licensing().changeLicenses(tenant.id(), amy.id(), List.of(new LicenseChange(
                license(provider, tenant, "Microsoft 365 Business Standard"), true, null, null, null))).refused())
                .hasSize(1);
        assertThat(provider.licensing().people(tenant.id())).filteredOn(p -> p.id().equals(amy.id())).singleElement()
                .satisfies(p -> assertThat(p.licenses()).contains(e3, minecraft));

        String userAdmin = provider.people().roles(tenant.id()).stream()
                .filter(r -> r.name().equals("User Administrator")).findFirst().orElseThrow().id();
        provider.people().update(tenant.id(), amy.id(), PersonChange.roles(Set.of(userAdmin), Set.of()));
        assertThat(provider.licensing().people(tenant.id())).hasSize(101);
        provider.people().update(tenant.id(), amy.id(), PersonChange.roles(Set.of(), Set.of(userAdmin)));

        provider.users().delete(tenant, made.get(1).id());
        assertThat(provider.users().listDeleted(tenant)).hasSize(1);
        provider.users().restore(tenant, made.get(1).id());
        assertThatThrownBy(() -> provider.users().create(tenant, user("USER2@contoso.example.com")))
                .isInstanceOf(ProviderException.class);

        admin.advanceClock(Duration.ofHours(2));
        assertThat(provider.customers().get(tenant.id())).isPresent();
        admin.addFault(MAPPER.createObjectNode().put("method", "GET").put("pathPrefix", "/v1/customers")
                .put("status", 429).put("retryAfterSeconds", 1).put("times", 1));
        assertThat(provider.customers().get(tenant.id())).isPresent();
    }

    private static UserRequest user(String upn) {
        String first = Character.toUpperCase(upn.charAt(0)) + upn.substring(1, upn.indexOf('@'));
        return new UserRequest(upn, upn, first, "Adams", null, null, null, null, null, "US", null, null)
                .withPassword(PASSWORD);
    }

    private static String license(Provider provider, CustomerScope tenant, String name) {
        return provider.licensing().licenses(tenant.id()).stream().filter(l -> l.name().equals(name))
                .map(RemoteLicense::id).findFirst().orElseThrow();
    }

    private static final String TENANT = "/v1/customers/4d3cf487-70f6-4f2d-a2a1-ae8b2f4e2d10";
    private static final String USERS = TENANT + "/users";
    private static final String AMY = USERS + "/a9ef48bb-8758-4590-a312-d4a47bfaded4";
    private static final String COLLECTION = "{\"totalCount\": 0, \"items\": [], \"attributes\": {\"objectType\": "
            + "\"Collection\"}}";

    @Test
    void theCheckerPassesADocumentedCallAndNamesEachKindOfBreach() throws Exception {
        PartnerCenterContract contract = new PartnerCenterContract();
        assertThat(contract.violations(List.of(call("GET", USERS, Map.of("size", List.of("100")), Map.of(), "", 200,
                COLLECTION)))).isEmpty();
        assertThat(contract.violations(List.of(call("GET", USERS, Map.of("$top", List.of("5")), Map.of(), "", 200,
                COLLECTION)))).singleElement().asString().contains("query parameter $top is not documented");
        assertThat(contract.violations(List.of(call("GET", "/customers/4d3cf487-70f6-4f2d-a2a1-ae8b2f4e2d10/users",
                Map.of(), Map.of(), "", 404, "")))).singleElement().asString().contains("no Partner Center page");
        assertThat(contract.violations(List.of(call("GET", USERS, Map.of(), Map.of("MS-ContinuationToken", "t"),
                "", 200, COLLECTION)))).singleElement().asString().contains("goes with seekOperation=Next");
        assertThat(contract.violations(List.of(call("POST", USERS, Map.of(), Map.of(), """
                {"userPrincipalName": "amy@contoso.example.com", "displayName": "Amy", "mail": "amy@x.com"}""", 200,
                "{\"id\": \"a9ef48bb-8758-4590-a312-d4a47bfaded4\", \"userPrincipalName\": \"amy@contoso.example.com\", "
                        + "\"primaryEmail\": \"amy@contoso.example.com\"}")))).hasSize(2)
                .anySatisfy(v -> assertThat(v).contains("request.mail is not a field of CustomerUser"))
                .anySatisfy(v -> assertThat(v).contains("reply.primaryEmail is not a field of CustomerUser"));
        assertThat(contract.violations(List.of(call("DELETE", AMY, Map.of(), Map.of(), "", 200, "")))).singleElement()
                .asString().contains("answered 200, the page shows [204]");
        assertThat(contract.violations(List.of(call("GET", USERS, Map.of(), Map.of(), "", 400,
                "{\"message\": \"bad\"}")))).isNotEmpty().allSatisfy(v -> assertThat(v).contains("Error"));
    }

    @Test
    void theCheckerNamesAReusedRequestIdAndALicenceUpdateAcrossGroups() throws Exception {
        String skus = """
                {"totalCount": 2, "items": [
                 {"productSku": {"id": "078d2b04-f1bd-4111-bbd4-b4b1b354cef4", "licenseGroupId": "group1"}},
                 {"productSku": {"id": "984df360-9a74-4647-8cf8-696749f6247a", "licenseGroupId": "group2"}}],
                 "attributes": {"objectType": "Collection"}}""";
        RecordedExchange catalogue = call("GET", TENANT + "/subscribedskus", Map.of("licenseGroupIds",
                List.of("Group1", "Group2")), Map.of(), "", 200, skus);
        RecordedExchange mixed = call("POST", AMY + "/licenseupdates", Map.of(), Map.of(), """
                {"licensesToAssign": [{"skuId": "078d2b04-f1bd-4111-bbd4-b4b1b354cef4"},
                 {"skuId": "984df360-9a74-4647-8cf8-696749f6247a"}], "attributes": {"objectType": "LicenseUpdate"}}""",
                201, "{\"attributes\": {\"objectType\": \"LicenseUpdate\"}}");
        assertThat(new PartnerCenterContract().violations(List.of(catalogue, mixed))).singleElement().asString()
                .contains("exactly one known licence group");

        String id = "0b1f9a44-2f4e-4d5c-9a55-1c3d5e7f9a0b";
        RecordedExchange first = call("GET", USERS, Map.of(), Map.of("MS-RequestId", id), "", 200, COLLECTION);
        RecordedExchange again = call("GET", USERS, Map.of(), Map.of("MS-RequestId", id), "", 200, COLLECTION);
        assertThat(new PartnerCenterContract().violations(List.of(first, again))).singleElement().asString()
                .contains("MS-RequestId must be a new GUID");
    }

    /** A made-up exchange with the headers a documented call carries (fresh IDs), plus or instead of the given. */
    private static RecordedExchange call(String method, String path, Map<String, List<String>> query,
            Map<String, String> headers, String body, int status, String reply) {
        Map<String, String> h = new java.util.HashMap<>(Map.of("Authorization", "Bearer t", "Accept",
                "application/json", "MS-RequestId", java.util.UUID.randomUUID().toString(), "MS-CorrelationId",
                java.util.UUID.randomUUID().toString(), "MS-Contract-Version", "v1"));
        h.putAll(headers);
        return new RecordedExchange(method, path, query, h, body, status, Map.of(), reply);
    }
}
