package dev.partnerhub.providers.webex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.providers.spi.errors.ProviderAuthenticationException;
import dev.partnerhub.providers.spi.errors.ProviderRejectedException;
import dev.partnerhub.providers.spi.errors.ProviderUnavailableException;
import dev.partnerhub.providers.spi.model.CustomerScope;
import dev.partnerhub.providers.spi.model.UserRequest;
import dev.partnerhub.sandbox.HubAdminClient;
import dev.partnerhub.sandbox.RecordedExchange;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Webex client against the local partner hub: paging, typed errors, Retry-After and lost replies. */
class WebexClientTest {

    private HubFixture fixture;
    private HubAdminClient admin;
    private final List<RecordedExchange> exchanges = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startHub() throws Exception {
        fixture = new HubFixture();
        fixture.hub.addListener(e -> {
            if (e.path().startsWith("/v1/")) {
                exchanges.add(e);
            }
        });
        admin = new HubAdminClient(fixture.hub.url());
    }

    @AfterEach
    void stopHub() {
        fixture.close();
    }

    @Test
    void aListLongerThanOnePageIsFollowedThroughItsLinkHeaders() {
        Provider provider = fixture.wholesale();
        CustomerScope scope = provisionedCustomer(provider, "paged");
        for (int i = 0; i < 130; i++) {
            provider.users().create(scope, user("user" + i + "@paged.example.com"));
        }
        exchanges.clear();
        assertThat(provider.users().list(scope, null)).hasSize(130);
        assertThat(exchanges).filteredOn(e -> e.path().equals("/v1/wholesale/subscribers")).hasSize(2);
    }

    @Test
    void aRefusedTokenIsAnAuthenticationErrorAndARefusedRequestCarriesTheProvidersCodeAndTrackingId() {
        assertThatThrownBy(() -> fixture.wholesale("wrong-token").probe())
                .isInstanceOf(ProviderAuthenticationException.class)
                .satisfies(e -> assertThat(((ProviderAuthenticationException) e).httpStatus()).isEqualTo(401));
        Provider provider = fixture.wholesale();
        CustomerScope scope = provisionedCustomer(provider, "refused");
        assertThatThrownBy(() -> provider.users().create(scope,
                HubFixture.user("nophone@refused.example.com", "webex_calling", null)))
                .isInstanceOfSatisfying(ProviderRejectedException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.errors()).singleElement().satisfies(err -> {
                        assertThat(err.code()).isEqualTo("1004");
                        assertThat(err.description()).contains("primaryPhoneNumber or an extension");
                        assertThat(err.trackingId()).startsWith("LOCALHUB_");
                    });
                });
    }

    @Test
    void a429WithRetryAfterIsWaitedOutAndTheCallSucceeds() {
        Provider provider = fixture.wholesale();
        admin.addFault(fault("GET", "/v1/wholesale/customers", 429).put("retryAfterSeconds", 1).put("times", 1));
        long start = System.nanoTime();
        provider.probe();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(exchanges).extracting(RecordedExchange::status).containsExactly(429, 200);
    }

    @Test
    void aRetryAfterLongerThanTheClientWaitsIsHandedToTheCaller() {
        Provider provider = fixture.wholesale();
        admin.addFault(fault("GET", "/v1/wholesale/customers", 429).put("retryAfterSeconds", 120));
        assertThatThrownBy(provider::probe).isInstanceOfSatisfying(ProviderUnavailableException.class,
                e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(120)));
        assertThat(exchanges).hasSize(1);
    }

    @Test
    void serverErrorsOnReadsAreRetriedAFewTimesThenReported() {
        Provider provider = fixture.wholesale();
        admin.addFault(fault("GET", "/v1/wholesale/customers", 503).put("times", 2));
        provider.probe();
        admin.addFault(fault("GET", "/v1/wholesale/customers", 500).put("times", 10));
        assertThatThrownBy(provider::probe).isInstanceOf(ProviderUnavailableException.class);
        assertThat(exchanges).filteredOn(e -> e.status() == 500).hasSize(4);
    }

    @Test
    void aCreateWhoseReplyIsLostIsNotRepeatedAndIsFoundByItsKey() {
        Provider provider = fixture.wholesale();
        CustomerScope scope = provisionedCustomer(provider, "lost");
        admin.addFault(fault("POST", "/v1/wholesale/subscribers", 0).put("lostReply", true));
        assertThatThrownBy(() -> provider.users().create(scope, user("lost@lost.example.com")))
                .isInstanceOf(ProviderUnavailableException.class);
        assertThat(exchanges).filteredOn(e -> e.method().equals("POST") && e.path().equals("/v1/wholesale/subscribers"))
                .hasSize(1);
        assertThat(provider.users().list(scope, null)).extracting(s -> s.email())
                .containsExactly("lost@lost.example.com");
    }

    @Test
    void aCustomerWithACallingPackageIsProvisionedForItsCallingLocationAndRefusedWithoutOne() throws Exception {
        Provider provider = fixture.wholesale();
        String id = provider.customers().create(HubFixture.customer("calling", "webex_calling"));
        JsonNode location = sent("POST", "/v1/wholesale/customers").path("provisioningParameters").path("calling")
                .path("location");
        assertThat(location.path("name").asText()).isEqualTo("Head Office");
        assertThat(location.path("timezone").asText()).isEqualTo("America/Los_Angeles");
        assertThat(location.path("language").asText()).isEqualTo("en_us");
        assertThat(location.path("address").path("city").asText()).isEqualTo("Milpitas");

        var refused = post("/v1/wholesale/customers", "{\"provisioningId\":\"local-trusted\",\"externalId\":\"bare\","
                + "\"packages\":[\"webex_calling\"],\"address\":{\"addressLine1\":\"1 Main St\",\"city\":\"Austin\","
                + "\"country\":\"US\"},\"customerInfo\":{\"name\":\"Bare\",\"primaryEmail\":\"a@bare.example.com\"}}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("provisioningParameters.calling.location");

        await().atMost(Duration.ofSeconds(30))
                .until(() -> "provisioned".equals(provider.customers().get(id).orElseThrow().status()));
        String meetingsOnly = provider.customers().create(HubFixture.customer("later", "webex_meetings"));
        assertThat(sent("POST", "/v1/wholesale/customers").has("provisioningParameters"))
                .as("no calling package, no calling location").isFalse();
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "provisioned".equals(provider.customers().get(meetingsOnly).orElseThrow().status()));
        provider.customers().update(provider.customers().get(meetingsOnly).orElseThrow(),
                HubFixture.customer("later", "webex_meetings", "webex_calling"));
        assertThat(sent("PUT", "/v1/wholesale/customers/" + meetingsOnly).path("provisioningParameters")
                .path("calling").path("location").path("timezone").asText()).isEqualTo("America/Los_Angeles");
    }

    @Test
    void aCallingUsersNumberChangesThroughThePersonWhichTakesWorkNumbersOnlyAndTheSubscriberIgnoresIt()
            throws Exception {
        Provider provider = fixture.wholesale();
        CustomerScope scope = provisionedCustomer(provider, "numbers");
        var ada = provider.users().create(scope, new UserRequest("ada@numbers.example.com", "ada@numbers.example.com",
                "Ada", "Lovelace", null, "webex_calling", "+12405550100", "5100", null, null, null, null));
        String orgId = provider.customers().get(scope.id()).orElseThrow().orgId();
        assertThat(provider.licensing().people(orgId)).singleElement().satisfies(p -> {
            assertThat(p.details().phoneNumber()).isEqualTo("+12405550100");
            assertThat(p.details().extension()).isEqualTo("5100");
        });
        assertThat(exchanges).filteredOn(e -> e.path().equals("/v1/people"))
                .allSatisfy(e -> assertThat(e.query().get("callingData")).containsExactly("true"));

        provider.users().update(scope, ada, new UserRequest(ada.key(), null, null, null, null, "webex_calling",
                "+12405550199", "5199", null, null, null, null));
        assertThat(sent("PUT", "/v1/wholesale/subscribers/" + ada.id()).has("provisioningParameters"))
                .as("a calling user's numbers are not the subscriber's to change").isFalse();
        var changed = provider.people().update(orgId, ada.personId(), new dev.partnerhub.providers.spi.model.PersonChange(
                null, null, null, null, "+12405550199", "5199", null, null));
        assertThat(changed.details().phoneNumber()).isEqualTo("+12405550199");
        assertThat(changed.details().extension()).isEqualTo("5199");
        JsonNode put = sent("PUT", "/v1/people/" + ada.personId());
        assertThat(put.path("phoneNumbers")).singleElement().satisfies(n -> {
            assertThat(n.path("type").asText()).isEqualTo("work");
            assertThat(n.fieldNames()).toIterable().containsExactlyInAnyOrder("type", "value");
        });

        var bob = provider.users().create(scope, user("bob@numbers.example.com"));
        assertThatThrownBy(() -> provider.people().update(orgId, bob.personId(),
                new dev.partnerhub.providers.spi.model.PersonChange(null, null, null, null, "+12405550300", null, null,
                        null))).isInstanceOfSatisfying(ProviderRejectedException.class, e -> assertThat(
                                e.errors().get(0).description()).contains("Webex Calling license"));
    }

    @Test
    void thePartnersRoleInAnOrgIsNamedByTheRolesListAndUnknownWhenWebexDoesNotListTheOrgs() {
        Provider provider = fixture.wholesale();
        CustomerScope scope = provisionedCustomer(provider, "access");
        String orgId = provider.customers().get(scope.id()).orElseThrow().orgId();
        var access = provider.customers().partnerAccess();
        assertThat(access).containsEntry(orgId, new dev.partnerhub.providers.spi.model.AdminAccess(true,
                "Full Administrator"));
        String roleId = exchanges.stream().filter(e -> e.path().equals("/v1/partner/organizations")).findFirst()
                .map(e -> e.responseBody()).orElseThrow();
        assertThat(roleId).as("an opaque role ID, not a name").doesNotContain("Administrator").doesNotContain("admin");

        admin.settings(new ObjectMapper().createObjectNode().put("partnerFullAdmin", true));
        assertThat(provider.customers().partnerAccess()).as("unknown, not assumed").isEmpty();
        assertThat(exchanges).filteredOn(e -> e.path().equals("/v1/partner/organizations"))
                .extracting(RecordedExchange::status).containsExactly(200, 400);
    }

    @Test
    void anIntegrationsAccessTokenIsRenewedWhenTheHubsClockPassesItsLifetimeAndARevokedOneIsRefused() {
        JsonNode client = admin.registerOAuthClient("webex", null);
        String clientId = client.path("clientId").asText();
        String refresh = admin.signIn(clientId, null);
        var store = new dev.partnerhub.providers.spi.auth.MemoryTokenStore(new dev.partnerhub.providers.spi.auth.IssuedTokens(null, null, refresh, null));
        WebexProviderFactory factory = new WebexProviderFactory();
        var settings = new dev.partnerhub.providers.spi.ConnectionSettings(fixture.hub.apiUrl(), () -> "unused",
                new dev.partnerhub.providers.spi.http.RateLimiter(200, 50), java.util.Map.of(), HubFixture.fastRetries());
        var tokens = new dev.partnerhub.providers.spi.auth.RenewingAccessTokens(factory.tokenGrant(settings),
                new dev.partnerhub.providers.spi.auth.OAuthClient(clientId, client.path("clientSecret").asText(), null),
                store, java.time.Clock.systemUTC(), Duration.ofMinutes(5));
        Provider provider = factory.create(new dev.partnerhub.providers.spi.ConnectionSettings(fixture.hub.apiUrl(),
                tokens, settings.limiter(), java.util.Map.of(), HubFixture.fastRetries()));

        provider.probe();
        assertThat(store.load().accessTokenExpiresAt()).isAfter(java.time.Instant.now().plus(Duration.ofDays(13)));
        assertThat(store.load().refreshToken()).as("Webex sends the same refresh token back").isEqualTo(refresh);
        exchanges.clear();
        admin.advanceClock(Duration.ofDays(15));
        provider.probe();
        assertThat(exchanges).extracting(e -> e.method() + " " + e.path() + " " + e.status()).containsExactly(
                "GET /v1/wholesale/customers 401", "POST /v1/access_token 200", "GET /v1/wholesale/customers 200");
        RecordedExchange grant = exchanges.get(1);
        assertThat(grant.requestBody()).contains("grant_type=refresh_token").contains("client_id=" + clientId);
        assertThat(grant.responseBody()).contains("\"refresh_token_expires_in\":7776000");

        admin.revokeOAuthClient(clientId);
        admin.advanceClock(Duration.ofDays(15));
        assertThatThrownBy(provider::probe).isInstanceOfSatisfying(ProviderAuthenticationException.class, e -> {
            assertThat(e.getMessage()).contains("invalid_request").contains("expired, revoked, malformed, or invalid")
                    .doesNotContain(refresh);
            assertThat(e.httpStatus()).isEqualTo(400);
        });
    }

    /** The last request body sent on a route. */
    private JsonNode sent(String method, String path) throws Exception {
        RecordedExchange last = exchanges.stream().filter(e -> e.method().equals(method) && e.path().equals(path))
                .reduce((a, b) -> b).orElseThrow();
        return new ObjectMapper().readTree(last.requestBody());
    }

    private java.net.http.HttpResponse<String> post(String path, String body) throws Exception {
        return java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(fixture.hub.url() + path)).header("Authorization", "Bearer " + fixture.hub.token())
                .header("Content-Type", "application/json").POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
    }

    private CustomerScope provisionedCustomer(Provider provider, String name) {
        String id = provider.customers().create(HubFixture.customer(name, "webex_calling", "webex_meetings"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "provisioned".equals(provider.customers().get(id).orElseThrow().status()));
        return new CustomerScope(id);
    }

    private static UserRequest user(String email) {
        return HubFixture.user(email, "webex_meetings", null);
    }

    private static ObjectNode fault(String method, String pathPrefix, int status) {
        return new ObjectMapper().createObjectNode().put("method", method).put("pathPrefix", pathPrefix)
                .put("status", status);
    }
}
