package dev.partnerhub.providers.partnercenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partnerhub.providers.spi.ConnectionSettings;
import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.providers.spi.errors.ProviderAuthenticationException;
import dev.partnerhub.providers.spi.errors.ProviderRejectedException;
import dev.partnerhub.providers.spi.errors.ProviderUnavailableException;
import dev.partnerhub.providers.spi.http.RateLimiter;
import dev.partnerhub.providers.spi.http.RetryPolicy;
import dev.partnerhub.providers.spi.model.CustomerScope;
import dev.partnerhub.providers.spi.model.LicenseChange;
import dev.partnerhub.providers.spi.model.LicenseRefusal;
import dev.partnerhub.providers.spi.model.PersonChange;
import dev.partnerhub.providers.spi.model.RemoteLicense;
import dev.partnerhub.providers.spi.model.RemoteUser;
import dev.partnerhub.providers.spi.model.UserRequest;
import dev.partnerhub.providers.spi.model.UserState;
import dev.partnerhub.sandbox.HubAdminClient;
import dev.partnerhub.sandbox.HubSettings;
import dev.partnerhub.sandbox.LocalPartnerHub;
import dev.partnerhub.sandbox.RecordedExchange;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The Partner Center client against the local hub's Partner Center surface: the shapes of
 * {@code ../shared/partnercenter-api.md} (users, deleted users, restore, password reset, licence updates per group,
 * subscribed SKUs, its error body and throttling), and an idempotent retried create.
 */
class PartnerCenterClientTest {

    private static final String PASSWORD = "Temp-Pass-1234";

    private LocalPartnerHub hub;
    private HubAdminClient admin;
    private Provider provider;
    private CustomerScope tenant;
    private final List<RecordedExchange> exchanges = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startHub() throws Exception {
        hub = LocalPartnerHub.start(HubSettings.defaults());
        hub.addListener(e -> {
            if (!e.path().startsWith("/admin/")) {
                exchanges.add(e);
            }
        });
        admin = new HubAdminClient(hub.url());
        provider = provider(hub.token());
        tenant = new CustomerScope(admin.createTenant("Fabrikam"));
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    private Provider provider(String token) {
        return new PartnerCenterProviderFactory().create(new ConnectionSettings(hub.url(), () -> token,
                new RateLimiter(200, 50), Map.of(), new RetryPolicy(4, Duration.ofMillis(20), Duration.ofMillis(100),
                        Duration.ofSeconds(2), Duration.ofSeconds(10))));
    }

    @Test
    void aUserIsCreatedWithATemporaryPasswordUpdatedDeletedListedAsDeletedAndRestoredWithItsLicences() {
        provider.probe();
        assertThat(provider.customers().find(tenant.id())).get().satisfies(c -> assertThat(c.orgId())
                .isEqualTo(tenant.id()));
        assertThat(provider.customers().find("00000000-0000-0000-0000-000000000000")).isEmpty();

        RemoteUser amy = provider.users().create(tenant, user("amy@fabrikam.example.com").withPassword(PASSWORD));
        assertThat(amy.state()).isEqualTo(UserState.PROVISIONED);
        assertThat(amy.details().displayName()).isEqualTo("Amy Adams");
        JsonNode sent = body("POST", "/v1/customers/" + tenant.id() + "/users");
        assertThat(sent.path("passwordProfile").path("password").asText()).isEqualTo(PASSWORD);
        assertThat(sent.path("passwordProfile").path("forceChangePassword").asBoolean()).isTrue();

        String basic = license("Microsoft 365 Business Basic");
        assertThat(provider.licensing().changeLicenses(tenant.id(), amy.id(), List.of(new LicenseChange(basic, true,
                null, null, null))).refused()).isEmpty();
        provider.users().update(tenant, amy, new UserRequest(amy.key(), null, null, "Adams-Baker", null, null,
                "+14255550100", null, null, null, null, null));
        assertThat(provider.users().list(tenant, null)).singleElement().satisfies(u -> {
            assertThat(u.details().lastName()).isEqualTo("Adams-Baker");
            assertThat(u.details().phoneNumber()).isEqualTo("+14255550100");
        });
        provider.users().resetPassword(tenant, amy.id(), "Another-Pass-5678");

        provider.users().delete(tenant, amy.id());
        assertThat(provider.users().list(tenant, null)).isEmpty();
        assertThat(provider.users().listDeleted(tenant)).singleElement().satisfies(u -> {
            assertThat(u.state()).isEqualTo(UserState.DELETED);
            assertThat(u.restorableUntil()).isAfter(java.time.Instant.now().plus(Duration.ofDays(29)));
        });
        assertThat(consumed(basic)).isZero();
        RemoteUser restored = provider.users().restore(tenant, amy.id());
        assertThat(restored.state()).isEqualTo(UserState.PROVISIONED);
        assertThat(provider.licensing().people(tenant.id())).singleElement()
                .satisfies(p -> assertThat(p.licenses()).containsExactly(basic));
    }

    @Test
    void aTenantOf250UsersIsListedCompletelyThroughTheRelativeNextLinksAndTheirContinuationTokens() {
        for (int i = 0; i < 250; i++) {
            provider.users().create(tenant, user("user" + i + "@fabrikam.example.com").withPassword(PASSWORD));
        }
        exchanges.clear();
        assertThat(provider.users().list(tenant, null)).extracting(RemoteUser::key).doesNotHaveDuplicates()
                .hasSize(250);
        List<RecordedExchange> pages = exchanges.stream().filter(e -> e.method().equals("GET")).toList();
        assertThat(pages).extracting(RecordedExchange::path).containsOnly("/v1/customers/" + tenant.id() + "/users")
                .hasSize(3);
        assertThat(pages).extracting(RecordedExchange::status).containsOnly(200);
        assertThat(header(pages.get(0), "MS-ContinuationToken")).isNull();
        for (RecordedExchange next : pages.subList(1, 3)) {
            assertThat(next.query().get("seekOperation")).containsExactly("Next");
            assertThat(next.query().get("size")).containsExactly("100");
            assertThat(header(next, "MS-ContinuationToken")).isNotBlank();
        }
    }

    @Test
    void aUsersDirectoryRolesAreGivenAndTakenAwayOneByOneAndTheOthersStay() {
        RemoteUser fay = provider.users().create(tenant, user("fay@fabrikam.example.com").withPassword(PASSWORD));
        var roles = provider.people().roles(tenant.id());
        String userAdmin = roles.stream().filter(r -> r.name().equals("User Administrator")).findFirst().orElseThrow()
                .id();
        String helpdesk = roles.stream().filter(r -> r.name().equals("Helpdesk Administrator")).findFirst()
                .orElseThrow().id();
        assertThat(provider.capabilities().catalogue().grant("User Administrator").roles()).containsExactly("User Administrator");

        var given = provider.people().update(tenant.id(), fay.id(), PersonChange.roles(Set.of(userAdmin), Set.of()));
        assertThat(given.roles()).containsExactly(userAdmin);
        RecordedExchange post = exchanges.stream().filter(e -> e.method().equals("POST")
                && e.path().endsWith("/directoryroles/" + userAdmin + "/usermembers")).findFirst().orElseThrow();
        assertThat(post.status()).isEqualTo(201);
        assertThat(post.requestBody()).contains("\"UserPrincipalName\":\"fay@fabrikam.example.com\"")
                .contains("\"ObjectType\":\"UserMember\"");
        admin.addDirectoryRoleMember(tenant.id(), "Helpdesk Administrator", fay.id());
        assertThat(provider.licensing().people(tenant.id())).singleElement()
                .satisfies(p -> assertThat(p.roles()).containsExactlyInAnyOrder(userAdmin, helpdesk));

        var taken = provider.people().update(tenant.id(), fay.id(), PersonChange.roles(Set.of(), Set.of(userAdmin)));
        assertThat(taken.roles()).containsExactly(helpdesk);
        assertThat(exchanges).filteredOn(e -> e.method().equals("DELETE")).singleElement()
                .satisfies(e -> assertThat(e.status()).isEqualTo(204));
        assertThat(admin.tenant(tenant.id()).path("users").get(0).path("directoryRoles")).extracting(JsonNode::asText)
                .containsExactly("Helpdesk Administrator");
    }

    /**
     * A deleted user is no role's member while it is deleted (Graph lists a deleted object under deleted items, not as
     * a member); restored, it has its roles again; purged after 30 days, it is gone from every role. The roles of the
     * tenant's other users read as before throughout. (Found by the docs' Partner Center tour: a purged member made
     * every list of its role fail with the hub's own HTTP 500.)
     */
    @Test
    void aDeletedRoleMemberLeavesItsRolesListsAsTheyWereAndAPurgedOneIsGoneFromThem() {
        RemoteUser gus = provider.users().create(tenant, user("gus@fabrikam.example.com").withPassword(PASSWORD));
        RemoteUser hal = provider.users().create(tenant, user("hal@fabrikam.example.com").withPassword(PASSWORD));
        admin.addDirectoryRoleMember(tenant.id(), "Helpdesk Administrator", gus.id());
        admin.addDirectoryRoleMember(tenant.id(), "Helpdesk Administrator", hal.id());
        String helpdesk = provider.people().roles(tenant.id()).stream()
                .filter(r -> r.name().equals("Helpdesk Administrator")).findFirst().orElseThrow().id();

        provider.users().delete(tenant, gus.id());
        assertThat(provider.licensing().people(tenant.id())).singleElement().satisfies(p -> {
            assertThat(p.id()).isEqualTo(hal.id());
            assertThat(p.roles()).containsExactly(helpdesk);
        });
        provider.users().restore(tenant, gus.id());
        assertThat(provider.licensing().people(tenant.id())).hasSize(2)
                .allSatisfy(p -> assertThat(p.roles()).containsExactly(helpdesk));

        provider.users().delete(tenant, gus.id());
        admin.advanceClock(Duration.ofDays(31));
        assertThat(provider.users().listDeleted(tenant)).isEmpty();
        assertThat(provider.licensing().people(tenant.id())).singleElement()
                .satisfies(p -> assertThat(p.roles()).containsExactly(helpdesk));
        assertThat(exchanges).filteredOn(e -> e.path().endsWith("/usermembers"))
                .extracting(RecordedExchange::status).containsOnly(200);
    }

    @Test
    void licencesForSeveralGroupsGoInOneRequestPerGroupAndRunningOutIsACountViolation() {
        RemoteUser ben = provider.users().create(tenant, user("ben@fabrikam.example.com").withPassword(PASSWORD));
        String e3 = license("Microsoft 365 E3");
        String minecraft = license("Minecraft Education");
        exchanges.clear();
        assertThat(provider.licensing().changeLicenses(tenant.id(), ben.id(), List.of(new LicenseChange(e3, true, null,
                null, null), new LicenseChange(minecraft, true, null, null, null))).refused()).isEmpty();
        assertThat(exchanges).filteredOn(e -> e.path().endsWith("/licenseupdates")).hasSize(2)
                .allSatisfy(e -> assertThat(e.status()).isEqualTo(201));

        admin.setSkuSeats(tenant.id(), "Microsoft 365 Business Standard", 0);
        var refused = provider.licensing().changeLicenses(tenant.id(), ben.id(), List.of(new LicenseChange(
                license("Microsoft 365 Business Standard"), true, null, null, null)));
        assertThat(refused.refused().values()).singleElement().satisfies(r -> {
            assertThat(r.reason()).isEqualTo(LicenseRefusal.Reason.COUNT_VIOLATION);
            assertThat(r.error().code()).isEqualTo("60012");
            assertThat(r.error().description()).contains("run out of licenses");
        });
        assertThat(refused.licenses()).containsExactlyInAnyOrder(e3, minecraft);
    }

    @Test
    void aCreateWhoseReplyIsLostIsRetriedWithTheSameRequestIdAndMakesOneUser() {
        admin.addFault(new ObjectMapper().createObjectNode().put("method", "POST")
                .put("pathPrefix", "/v1/customers/" + tenant.id() + "/users").put("lostReply", true));
        RemoteUser cat = provider.users().create(tenant, user("cat@fabrikam.example.com").withPassword(PASSWORD));
        List<RecordedExchange> posts = exchanges.stream().filter(e -> e.method().equals("POST")
                && e.path().endsWith("/users")).toList();
        assertThat(posts).hasSize(2);
        assertThat(posts).extracting(e -> header(e, "MS-RequestId")).doesNotContainNull()
                .containsOnly(header(posts.get(0), "MS-RequestId"));
        assertThat(admin.tenant(tenant.id()).path("users")).singleElement()
                .satisfies(u -> assertThat(u.path("id").asText()).isEqualTo(cat.id()));
    }

    @Test
    void aCallAnsweredWithAFailureIsSentAgainUnderANewRequestIdAndEveryCallHasItsOwnCorrelationId() {
        admin.addFault(new ObjectMapper().createObjectNode().put("method", "POST")
                .put("pathPrefix", "/v1/customers/" + tenant.id() + "/users").put("status", 503).put("times", 1));
        RemoteUser eve = provider.users().create(tenant, user("eve@fabrikam.example.com").withPassword(PASSWORD));
        List<RecordedExchange> posts = exchanges.stream().filter(e -> e.method().equals("POST")).toList();
        assertThat(posts).extracting(RecordedExchange::status).containsExactly(503, 200);
        assertThat(posts).extracting(e -> header(e, "MS-RequestId")).doesNotContainNull().doesNotHaveDuplicates();
        assertThat(posts).extracting(e -> header(e, "MS-Contract-Version")).containsOnly("v1");
        assertThat(admin.tenant(tenant.id()).path("users")).singleElement()
                .satisfies(u -> assertThat(u.path("id").asText()).isEqualTo(eve.id()));

        provider.users().list(tenant, null);
        provider.users().list(tenant, null);
        assertThat(exchanges).extracting(e -> header(e, "MS-CorrelationId")).doesNotContainNull()
                .doesNotHaveDuplicates();
    }

    @Test
    void someoneElsesUserOrTenantInAReplyIsAnErrorNeverAnIdToRecord() {
        admin.addFault(new ObjectMapper().createObjectNode().put("pathPrefix", "/v1/customers")
                .put("malformed", "canned").put("times", 100));
        assertThatThrownBy(() -> provider.customers().get(tenant.id()))
                .isInstanceOf(dev.partnerhub.providers.spi.errors.ProviderProtocolException.class)
                .hasMessageContaining("asked for tenant " + tenant.id());
        assertThatThrownBy(() -> provider.users().create(tenant, user("gil@fabrikam.example.com")
                .withPassword(PASSWORD))).isInstanceOf(dev.partnerhub.providers.spi.errors.ProviderProtocolException.class)
                .hasMessageContaining("asked for user gil@fabrikam.example.com");
    }

    @Test
    void errorsCarryPartnerCentersCodeAndThrottlingIsWaitedOut() {
        assertThatThrownBy(() -> provider("wrong").probe()).isInstanceOf(ProviderAuthenticationException.class);
        provider.users().create(tenant, user("dan@fabrikam.example.com").withPassword(PASSWORD));
        assertThatThrownBy(() -> provider.users().create(tenant, user("DAN@fabrikam.example.com")
                .withPassword(PASSWORD))).isInstanceOfSatisfying(ProviderRejectedException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(409);
                    assertThat(e.errors().get(0).description()).contains("same userPrincipalName");
                    assertThat(e.trackingId()).isNotBlank();
                });
        admin.addFault(new ObjectMapper().createObjectNode().put("method", "GET").put("pathPrefix", "/v1/customers")
                .put("status", 429).put("retryAfterSeconds", 1).put("times", 1));
        assertThat(provider.users().list(tenant, null)).hasSize(1);
        admin.addFault(new ObjectMapper().createObjectNode().put("method", "GET").put("pathPrefix", "/v1/customers")
                .put("status", 429).put("retryAfterSeconds", 60));
        assertThatThrownBy(() -> provider.users().list(tenant, null))
                .isInstanceOfSatisfying(ProviderUnavailableException.class, e -> {
                    assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(60));
                    assertThat(e.errors().get(0).description()).startsWith("Rate limit is exceeded");
                });
    }

    private UserRequest user(String upn) {
        String first = Character.toUpperCase(upn.charAt(0)) + upn.substring(1, upn.indexOf('@'));
        return new UserRequest(upn, upn, first, "Adams", null, null, null, null, null, "US", null, null);
    }

    private String license(String name) {
        return provider.licensing().licenses(tenant.id()).stream().filter(l -> l.name().equals(name))
                .map(RemoteLicense::id).findFirst().orElseThrow();
    }

    private long consumed(String skuId) {
        return provider.licensing().licenses(tenant.id()).stream().filter(l -> l.id().equals(skuId))
                .mapToLong(RemoteLicense::consumedUnits).sum();
    }

    private static String header(RecordedExchange e, String name) {
        return e.requestHeaders().entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }

    private JsonNode body(String method, String path) {
        return exchanges.stream().filter(e -> e.method().equals(method) && e.path().equals(path)).findFirst()
                .map(e -> {
                    try {
                        return new ObjectMapper().readTree(e.requestBody());
                    } catch (Exception ex) {
                        throw new IllegalStateException(ex);
                    }
                }).orElseThrow();
    }
}
