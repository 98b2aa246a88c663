package dev.partnerhub.providers.webex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.partnerhub.providers.spi.Licensing;
import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.providers.spi.Users;
import dev.partnerhub.providers.spi.errors.AttachRefusedException;
import dev.partnerhub.providers.spi.errors.ProviderRejectedException;
import dev.partnerhub.providers.spi.model.AdminAccess;
import dev.partnerhub.providers.spi.model.CustomerRequest;
import dev.partnerhub.providers.spi.model.CustomerScope;
import dev.partnerhub.providers.spi.model.LicenseChange;
import dev.partnerhub.providers.spi.model.PersonChange;
import dev.partnerhub.providers.spi.model.RemoteUser;
import dev.partnerhub.providers.spi.model.UserRequest;
import dev.partnerhub.providers.spi.model.UserState;
import dev.partnerhub.sandbox.HubAdminClient;
import dev.partnerhub.sandbox.HubSettings;
import dev.partnerhub.sandbox.RecordedExchange;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The wire contract: every request the Webex client sends and every response the local partner hub returns,
 * over a full Wholesale and BroadWorks scenario, is validated against Cisco's OpenAPI files, read from
 * {@code ../shared/webex-openapi/} (never copied into the project).
 */
class WebexContractTest {

    private static Path specs;

    @BeforeAll
    static void findTheSpecifications() {
        specs = specs();
    }

    /**
     * Where Cisco's files are. Without them the contract cannot be checked here: these tests are skipped, saying
     * where the files were looked for (DESIGN.md: skip with a message, so that a clone without them still builds);
     * {@code -Dwebex.openapi.required=true} (or the environment's {@code PARTNERHUB_WEBEX_OPENAPI_REQUIRED=true}, as CI
     * sets it) makes their absence a failure, for a build that must check the contract.
     */
    static Path specs() {
        Path dir = Path.of(System.getProperty("webex.openapi.dir", "../../../shared/webex-openapi")).toAbsolutePath()
                .normalize();
        if (!Files.isRegularFile(dir.resolve("webex-wholesale.json"))) {
            String missing = "Cisco's OpenAPI files (webex-wholesale.json, webex-broadworks.json, webex-admin.json) "
                    + "are not at " + dir + " (-Dwebex.openapi.dir points elsewhere)";
            if (Boolean.getBoolean("webex.openapi.required")
                    || "true".equals(System.getenv("PARTNERHUB_WEBEX_OPENAPI_REQUIRED"))) {
                org.junit.jupiter.api.Assertions.fail(missing + "; -Dwebex.openapi.required=true asks for them.");
            }
            assumeTrue(false, missing + ": the Webex contract tests are skipped.");
        }
        return dir;
    }

    /**
     * Where Cisco's files document no endpoint (a Contact Center sync, a list of BroadWorks workspaces), the client
     * maps the local hub's own, and only those.
     */
    private static final java.util.Set<String> LOCAL_HUB_OWN = java.util.Set.of("POST /v1/contactCenter/users/sync",
            "GET /v1/broadworks/workspaces");
    /**
     * Endpoints Cisco documents on developer.webex.com whose file (webex-meeting.json, Meeting Preferences) is not
     * among the three this project holds: called as that page documents them, not checked here.
     */
    private static final java.util.Set<String> DOCUMENTED_ELSEWHERE = java.util.Set.of(
            "GET /v1/meetingPreferences/sites", "PUT /v1/meetingPreferences/sites");

    @Test
    void everyExchangeOfAWholesaleAndBroadWorksScenarioMatchesCiscosOpenApi() throws Exception {
        List<RecordedExchange> exchanges = new CopyOnWriteArrayList<>();
        try (HubFixture fixture = new HubFixture()) {
            fixture.hub.addListener(exchanges::add);
            runWholesaleScenario(fixture.wholesale());
            runBroadWorksScenario(fixture.broadworks(), new HubAdminClient(fixture.hub.url()));
            runLicensingScenario(fixture.wholesale(), new HubAdminClient(fixture.hub.url()));
            runActivationScenario(fixture.wholesale(), fixture.broadworks(), new HubAdminClient(fixture.hub.url()));
        }
        CiscoContract contract = new CiscoContract(specs);
        java.util.Set<String> unspecified = new java.util.TreeSet<>();
        List<RecordedExchange> checked = new ArrayList<>();
        for (RecordedExchange e : exchanges) {
            String call = e.method() + " " + e.path();
            if (LOCAL_HUB_OWN.contains(call) || DOCUMENTED_ELSEWHERE.contains(call)) {
                unspecified.add(call);
            } else if (contract.covers(e)) {
                checked.add(e);
            } else if (e.path().startsWith("/v1/")) {
                unspecified.add(call);
            }
        }
        List<String> violations = contract.violations(checked);
        assertThat(checked).as("exchanges checked").hasSizeGreaterThan(25);
        assertThat(exchanges).filteredOn(e -> e.path().equals("/v1/licenses/users")).extracting(RecordedExchange::status)
                .contains(200, 206, 400);
        assertThat(violations).isEmpty();
        java.util.Set<String> outside = new java.util.TreeSet<>(LOCAL_HUB_OWN);
        outside.addAll(DOCUMENTED_ELSEWHERE);
        assertThat(unspecified).as("calls outside Cisco's files: the local hub's own endpoints and Cisco's documented "
                + "elsewhere, each named in docs/local-mode.md").containsExactlyInAnyOrderElementsOf(outside);
    }

    private static void runWholesaleScenario(Provider provider) {
        CustomerRequest acme = HubFixture.customer("contract-acme", "webex_calling", "webex_meetings");
        provider.probe();
        assertThat(provider.customers().find(acme.key())).isEmpty();
        String id = provider.customers().create(acme);
        awaitProvisioned(provider, id);
        CustomerScope scope = new CustomerScope(id);
        RemoteUser alice = provider.users().create(scope, new UserRequest("alice@contract.example.com",
                "alice@contract.example.com", "Alice", "Andersen", null, "webex_calling", "+12405551212", "1212", null,
                null, null, null));
        provider.users().update(scope, alice, HubFixture.user(alice.email(), "webex_meetings", null));
        assertThat(provider.users().list(scope, null)).hasSize(1);
        assertThat(provider.users().list(scope, java.time.Instant.now().minusSeconds(60))).hasSize(1);
        assertThat(provider.users().changedAcrossCustomers(java.time.Instant.now().minusSeconds(60)).orElseThrow())
                .contains(new Users.Filed(scope, provider.users().list(scope, null).get(0)));
        assertThatThrownBy(() -> provider.users().create(scope, HubFixture.user("bob@contract.example.com",
                "webex_calling", null))).isInstanceOf(ProviderRejectedException.class);
        provider.customers().update(provider.customers().get(id).orElseThrow(), HubFixture.customer("contract-acme", "webex_calling", "webex_meetings",
                "webex_suite"));
        provider.users().delete(scope, alice.id());
        awaitProvisioned(provider, id);
        provider.customers().delete(id);
    }

    private static void awaitProvisioned(Provider provider, String customerId) {
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> "provisioned".equals(provider.customers().get(customerId).orElseThrow().status()));
    }

    private static void runLicensingScenario(Provider provider, HubAdminClient admin) {
        Licensing licensing = provider.licensing();
        String id = provider.customers().create(HubFixture.customer("contract-licences", "webex_meetings"));
        awaitProvisioned(provider, id);
        String orgId = provider.customers().get(id).orElseThrow().orgId();
        CustomerScope scope = new CustomerScope(id);
        RemoteUser carl = provider.users().create(scope, new UserRequest("carl@contract.example.com",
                "carl@contract.example.com", "Carl", "Cole", null, "webex_meetings", null, null, null, null, null,
                null));
        var catalog = licensing.licenses(orgId);
        String ccStandard = licenseId(catalog, "Contact center Standard Agent");
        String callingStandard = licenseId(catalog, "Webex Calling - Standard");
        assertThat(licensing.people(orgId)).extracting(p -> p.email()).contains("carl@contract.example.com");
        var ok = licensing.changeLicenses(orgId, carl.personId(), List.of(new LicenseChange(ccStandard, true, null,
                null, null)));
        assertThat(ok.refused()).isEmpty();
        var partial = licensing.changeLicenses(orgId, carl.personId(), List.of(LicenseChange.remove(ccStandard),
                new LicenseChange(callingStandard, true, null, null, null)));
        assertThat(partial.refused()).containsOnlyKeys(callingStandard);
        admin.setSeats(orgId, "Contact center Standard Agent", 0);
        var refused = licensing.changeLicenses(orgId, carl.personId(), List.of(new LicenseChange(ccStandard, true,
                null, null, null)));
        assertThat(refused.refused()).containsOnlyKeys(ccStandard);
        var roles = provider.people().roles(orgId);
        var renamed = provider.people().update(orgId, carl.personId(), PersonChange.names("Carlos", null, "Carlos Cole (Sales)")
                .withRoles(java.util.Set.of(roles.get(0).id()), java.util.Set.of()));
        assertThat(renamed.roles()).containsExactly(roles.get(0).id());
        assertThat(renamed.details().firstName()).isEqualTo("Carlos");
        assertThat(renamed.details().lastName()).isEqualTo("Cole");
        assertThat(renamed.details().displayName()).isEqualTo("Carlos Cole (Sales)");
        var hosting = provider.people().update(orgId, carl.personId(), new PersonChange(null, null, null,
                "contract.webex.com", null, null, null, null));
        assertThat(hosting.details().preferredSite()).isEqualTo("contract.webex.com");
        assertThat(provider.people().preferredSite(orgId, hosting)).contains("contract.webex.com");
        assertThat(hosting.roles()).as("the roles stay").containsExactly(roles.get(0).id());
        var sync = provider.contactCenter().sync(orgId, carl.personId());
        assertThat(sync.valid()).as(sync.toString()).isTrue();
        assertThat(sync.trackingId()).isNotBlank();
    }

    private static void runActivationScenario(Provider wholesale, Provider broadworks, HubAdminClient admin) {
        String plainOrg = admin.createOrg("Plain Corp", 5, false, false, true);
        String bigOrg = admin.createOrg("Big Corp", 150, false, false, true);
        CustomerRequest attach = new CustomerRequest("contract-attach", HubSettings.TRUSTED_TEMPLATE, null, null,
                null, List.of("webex_meetings"), HubFixture.customer("x").address(), plainOrg);
        String id = wholesale.customers().create(attach);
        assertThatThrownBy(() -> wholesale.customers().create(new CustomerRequest("contract-big",
                HubSettings.TRUSTED_TEMPLATE, null, null, null, List.of("webex_meetings"),
                HubFixture.customer("x").address(), bigOrg)))
                .isInstanceOfSatisfying(AttachRefusedException.class, e -> assertThat(e.kind())
                        .isEqualTo(AttachRefusedException.Kind.APPROVAL_REQUIRED));
        assertThatThrownBy(() -> wholesale.customers().create(new CustomerRequest("contract-again",
                HubSettings.TRUSTED_TEMPLATE, null, null, null, List.of("webex_meetings"),
                HubFixture.customer("x").address(), plainOrg)))
                .isInstanceOfSatisfying(AttachRefusedException.class, e -> assertThat(e.kind())
                        .isEqualTo(AttachRefusedException.Kind.ALREADY_ATTACHED));
        awaitProvisioned(wholesale, id);
        assertThat(wholesale.customers().partnerAccess()).containsEntry(plainOrg, new AdminAccess(false,
                "Provisioning Administrator"));

        admin.addConsumerAccount("moving@contract.example.com");
        CustomerScope scope = new CustomerScope(id);
        RemoteUser moving = wholesale.users().create(scope, HubFixture.user("moving@contract.example.com",
                "webex_meetings", null));
        assertThat(moving.status()).isEqualTo("pending_user_migration");
        assertThat(moving.state()).isEqualTo(UserState.PENDING_USER_MIGRATION);
        wholesale.users().resendConsent(scope, moving.id());
        admin.acceptMove(moving.email());
        assertThat(wholesale.users().list(scope, null)).extracting(RemoteUser::state)
                .containsExactly(UserState.PROVISIONED);

        CustomerScope enterprise = new CustomerScope("Reseller1+activation");
        broadworks.users().create(enterprise, HubFixture.broadworksUser(HubSettings.UNTRUSTED_TEMPLATE, "given@sp",
                "given@contract.example.com", "Gi", "Ven", "basic", "3001"));
        RemoteUser typed = broadworks.users().create(enterprise, HubFixture.broadworksUser(
                HubSettings.UNTRUSTED_TEMPLATE, "typed@sp", null, "Ty", "Ped", "basic", "3002"));
        admin.enterEmail(typed.key(), "given@contract.example.com");
        assertThat(broadworks.users().list(enterprise, null)).extracting(RemoteUser::status)
                .containsExactlyInAnyOrder("pending_email_validation", "error");
    }

    private static String licenseId(List<dev.partnerhub.providers.spi.model.RemoteLicense> catalog, String name) {
        return catalog.stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow().id();
    }

    private static void runBroadWorksScenario(Provider provider, HubAdminClient admin) {
        provider.probe();
        CustomerScope scope = new CustomerScope("Reseller1+contract");
        RemoteUser pending = provider.users().create(scope, new UserRequest("95547321@sp.example.com", null, "John",
                "Andersen", null, "standard", "+12405551212", "1212", null, null, HubSettings.UNTRUSTED_TEMPLATE,
                null));
        assertThat(pending.status()).isEqualTo("pending_email_input");
        assertThat(pending.state()).isEqualTo(UserState.PENDING_EMAIL_INPUT);
        admin.enterEmail(pending.key(), "john.andersen@contract.example.com");
        admin.validateEmail(pending.key());
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> provider.users()
                .list(scope, null).stream().allMatch(u -> u.state() == UserState.PROVISIONED));
        assertThat(provider.customers().find("Reseller1+contract").orElseThrow().orgId()).isNotBlank();
        provider.users().update(scope, pending, new UserRequest(pending.key(), null, "John", "Andersen", null,
                "premium", null, null, null, null, null, null));
        assertThat(provider.workspaces().list(scope)).isEmpty();
        provider.workspaces().delete(scope, "Y2lzY29zcGFyazovL3VzL1BMQUNFL25vbmU");
        provider.users().delete(scope, pending.id());
    }

}
