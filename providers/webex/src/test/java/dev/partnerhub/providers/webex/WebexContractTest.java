package dev.partnerhub.providers.webex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import dev.partnerhub.providers.spi.CustomerRequest;
import dev.partnerhub.providers.spi.CustomerScope;
import dev.partnerhub.providers.spi.ProviderRejectedException;
import dev.partnerhub.providers.spi.ProvisioningProvider;
import dev.partnerhub.providers.spi.RemoteSubscriber;
import dev.partnerhub.providers.spi.SubscriberRequest;
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

    /**
     * Cisco's files document no body for error responses, yet the API returns {@code {message, errors,
     * trackingId}} and the client relies on it; only that rule is waived, and only for 4xx and 5xx.
     */
    private static final String UNDOCUMENTED_ERROR_BODY = "validation.response.body.unexpected";

    private static Path specs;

    @BeforeAll
    static void findTheSpecifications() {
        specs = Path.of(System.getProperty("webex.openapi.dir", "../../../shared/webex-openapi")).toAbsolutePath()
                .normalize();
        assumeTrue(Files.isRegularFile(specs.resolve("webex-wholesale.json")),
                "Cisco's OpenAPI files are not at " + specs + ": the contract test is skipped.");
    }

    @Test
    void everyExchangeOfAWholesaleAndBroadWorksScenarioMatchesCiscosOpenApi() throws Exception {
        List<RecordedExchange> exchanges = new CopyOnWriteArrayList<>();
        try (HubFixture fixture = new HubFixture()) {
            fixture.hub.addListener(exchanges::add);
            runWholesaleScenario(fixture.wholesale());
            runBroadWorksScenario(fixture.broadworks(), new HubAdminClient(fixture.hub.url()));
            runLicensingScenario(fixture.wholesale(), fixture.licensing(), new HubAdminClient(fixture.hub.url()));
            runActivationScenario(fixture.wholesale(), fixture.broadworks(), fixture.licensing(),
                    new HubAdminClient(fixture.hub.url()));
        }
        OpenApiInteractionValidator wholesale = validator("webex-wholesale.json");
        OpenApiInteractionValidator broadworks = validator("webex-broadworks.json");
        OpenApiInteractionValidator admin = validator("webex-admin.json");
        List<String> violations = new ArrayList<>();
        int checked = 0;
        for (RecordedExchange e : exchanges) {
            OpenApiInteractionValidator validator = e.path().startsWith("/v1/wholesale/")
                    || e.path().startsWith("/v1/subscribers/") ? wholesale
                    : e.path().startsWith("/v1/broadworks/") ? broadworks
                    : e.path().matches("/v1/(licenses|people|roles|partner).*") ? admin : null;
            if (validator == null) {
                continue;
            }
            checked++;
            for (com.atlassian.oai.validator.model.Response response : responses(e)) {
                ValidationReport report = validator.validate(request(e), response);
                report.getMessages().stream()
                        .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                        .filter(m -> !(e.status() >= 400 && UNDOCUMENTED_ERROR_BODY.equals(m.getKey())))
                        .forEach(m -> violations.add(e.method() + " " + e.path() + " -> " + e.status() + ": " + m));
            }
        }
        assertThat(checked).as("exchanges checked").isGreaterThan(25);
        assertThat(exchanges).filteredOn(e -> e.path().equals("/v1/licenses/users")).extracting(RecordedExchange::status)
                .contains(200, 206, 400);
        assertThat(violations).isEmpty();
    }

    private static void runWholesaleScenario(ProvisioningProvider provider) {
        CustomerRequest acme = HubFixture.customer("contract-acme", "webex_calling", "webex_meetings");
        provider.probe();
        assertThat(provider.findCustomer(acme)).isEmpty();
        String id = provider.createCustomer(acme);
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> "provisioned".equals(provider.getCustomer(id).orElseThrow().status()));
        CustomerScope scope = new CustomerScope(id, null);
        RemoteSubscriber alice = provider.createSubscriber(new SubscriberRequest(scope, null, null,
                "alice@contract.example.com", "Alice", "Andersen", "webex_calling", "+12405551212", "1212", null));
        provider.updateSubscriber(alice.id(), new SubscriberRequest(scope, null, null, alice.email(), null, null,
                "webex_meetings", null, null, null));
        assertThat(provider.listSubscribers(scope, null)).hasSize(1);
        assertThat(provider.listSubscribers(scope, java.time.Instant.now().minusSeconds(60))).hasSize(1);
        assertThatThrownBy(() -> provider.createSubscriber(new SubscriberRequest(scope, null, null,
                "bob@contract.example.com", "Bob", "B", "webex_calling", null, null, null)))
                .isInstanceOf(ProviderRejectedException.class);
        provider.updateCustomer(id, HubFixture.customer("contract-acme", "webex_calling", "webex_meetings",
                "webex_suite"));
        provider.deleteSubscriber(alice.id());
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> "provisioned".equals(provider.getCustomer(id).orElseThrow().status()));
        provider.deleteCustomer(id);
    }

    private static void runLicensingScenario(ProvisioningProvider provider, dev.partnerhub.providers.spi.LicensingProvider
            licensing, HubAdminClient admin) {
        String id = provider.createCustomer(HubFixture.customer("contract-licences", "webex_meetings"));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> "provisioned".equals(provider.getCustomer(id).orElseThrow().status()));
        String orgId = provider.getCustomer(id).orElseThrow().orgId();
        CustomerScope scope = new CustomerScope(id, null);
        RemoteSubscriber carl = provider.createSubscriber(new SubscriberRequest(scope, null, null,
                "carl@contract.example.com", "Carl", "Cole", "webex_meetings", null, null, null));
        var catalog = licensing.licenses(orgId);
        String ccStandard = licenseId(catalog, "Contact Center - Standard Agent");
        String callingStandard = licenseId(catalog, "Webex Calling - Standard");
        assertThat(licensing.people(orgId)).extracting(p -> p.email()).contains("carl@contract.example.com");
        var ok = licensing.changeLicenses(orgId, carl.personId(), List.of(new dev.partnerhub.providers.spi.LicenseChange(
                ccStandard, true, null, null, null)));
        assertThat(ok.refused()).isEmpty();
        var partial = licensing.changeLicenses(orgId, carl.personId(), List.of(
                dev.partnerhub.providers.spi.LicenseChange.remove(ccStandard),
                new dev.partnerhub.providers.spi.LicenseChange(callingStandard, true, null, null, null)));
        assertThat(partial.refused()).containsOnlyKeys(callingStandard);
        admin.setSeats(orgId, "Contact Center - Standard Agent", 0);
        var refused = licensing.changeLicenses(orgId, carl.personId(), List.of(new dev.partnerhub.providers.spi.LicenseChange(
                ccStandard, true, null, null, null)));
        assertThat(refused.refused().get(ccStandard).reason())
                .isEqualTo(dev.partnerhub.providers.spi.LicenseRefusal.Reason.COUNT_VIOLATION);
        var roles = licensing.roles();
        var renamed = licensing.updatePerson(carl.personId(), new dev.partnerhub.providers.spi.PersonChange("Carlos", null,
                "Carlos Cole (Sales)", java.util.Set.of(roles.get(0).id())));
        assertThat(renamed.roles()).containsExactly(roles.get(0).id());
        assertThat(renamed.details().firstName()).isEqualTo("Carlos");
        assertThat(renamed.details().lastName()).isEqualTo("Cole");
        assertThat(renamed.details().displayName()).isEqualTo("Carlos Cole (Sales)");
    }

    private static void runActivationScenario(ProvisioningProvider wholesale, ProvisioningProvider broadworks,
            dev.partnerhub.providers.spi.LicensingProvider licensing, HubAdminClient admin) {
        String plainOrg = admin.createOrg("Plain Corp", 5, false, false, true);
        String bigOrg = admin.createOrg("Big Corp", 150, false, false, true);
        CustomerRequest attach = new CustomerRequest("contract-attach", null, HubSettings.TRUSTED_TEMPLATE, null, null,
                null, List.of("webex_meetings"), HubFixture.customer("x").address(), plainOrg);
        String id = wholesale.createCustomer(attach);
        assertThatThrownBy(() -> wholesale.createCustomer(new CustomerRequest("contract-big", null,
                HubSettings.TRUSTED_TEMPLATE, null, null, null, List.of("webex_meetings"),
                HubFixture.customer("x").address(), bigOrg)))
                .isInstanceOfSatisfying(dev.partnerhub.providers.spi.AttachRefusedException.class, e -> assertThat(e.kind())
                        .isEqualTo(dev.partnerhub.providers.spi.AttachRefusedException.Kind.APPROVAL_REQUIRED));
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30))
                .until(() -> "provisioned".equals(wholesale.getCustomer(id).orElseThrow().status()));
        assertThat(licensing.partnerAccess(plainOrg)).contains(dev.partnerhub.providers.spi.AdminAccess.PROVISIONING_ADMIN);

        admin.addConsumerAccount("moving@contract.example.com");
        RemoteSubscriber moving = wholesale.createSubscriber(new SubscriberRequest(new CustomerScope(id, null), null,
                null, "moving@contract.example.com", "Mo", "Ving", "webex_meetings", null, null, null));
        assertThat(moving.status()).isEqualTo("pending_user_migration");
        wholesale.sendConsentEmail(moving.id());
        admin.acceptMove(moving.email());
        assertThat(wholesale.listSubscribers(new CustomerScope(id, null), null)).extracting(RemoteSubscriber::status)
                .containsExactly("provisioned");

        CustomerScope enterprise = new CustomerScope(null, "Reseller1+activation");
        broadworks.createSubscriber(new SubscriberRequest(enterprise, HubSettings.UNTRUSTED_TEMPLATE, "given@sp", "given"
                + "@contract.example.com", "Gi", "Ven", "basic", null, "3001", null));
        RemoteSubscriber typed = broadworks.createSubscriber(new SubscriberRequest(enterprise,
                HubSettings.UNTRUSTED_TEMPLATE, "typed@sp", null, "Ty", "Ped", "basic", null, "3002", null));
        admin.enterEmail(typed.userId(), "given@contract.example.com");
        assertThat(broadworks.listSubscribers(enterprise, null)).extracting(RemoteSubscriber::status)
                .containsExactlyInAnyOrder("pending_email_validation", "error");
    }

    private static String licenseId(List<dev.partnerhub.providers.spi.RemoteLicense> catalog, String name) {
        return catalog.stream().filter(l -> l.name().equals(name)).findFirst().orElseThrow().id();
    }

    private static void runBroadWorksScenario(ProvisioningProvider provider, HubAdminClient admin) {
        provider.probe();
        CustomerScope scope = new CustomerScope(null, "Reseller1+contract");
        RemoteSubscriber pending = provider.createSubscriber(new SubscriberRequest(scope,
                HubSettings.UNTRUSTED_TEMPLATE, "95547321@sp.example.com", null, "John", "Andersen", "standard",
                "+12405551212", "1212", null));
        assertThat(pending.status()).isEqualTo("pending_email_input");
        admin.enterEmail(pending.userId(), "john.andersen@contract.example.com");
        admin.validateEmail(pending.userId());
        org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(30)).until(() -> provider
                .listSubscribers(scope, null).stream().allMatch(s -> "provisioned".equals(s.status())));
        assertThat(provider.findCustomer(new CustomerRequest(null, "Reseller1+contract", null, null, null, null,
                List.of(), null, null)).orElseThrow().orgId()).isNotBlank();
        provider.updateSubscriber(pending.id(), new SubscriberRequest(scope, null, null, null, "John", "Andersen",
                "premium", null, null, null));
        provider.deleteSubscriber(pending.id());
    }

    /**
     * A validator for one of Cisco's files. The file is parsed here rather than by the validator because
     * {@code webex-admin.json} carries structural defects (a schema name with spaces, repeated operationIds in
     * unrelated paths) that the validator's loader treats as fatal; the parsed model is complete all the same.
     */
    private static OpenApiInteractionValidator validator(String file) {
        io.swagger.v3.parser.core.models.ParseOptions options = new io.swagger.v3.parser.core.models.ParseOptions();
        options.setResolve(true);
        var result = new io.swagger.v3.parser.OpenAPIV3Parser().readLocation(specs.resolve(file).toUri().toString(),
                null, options);
        assertThat(result.getOpenAPI()).as("Cisco's " + file + " parsed: " + result.getMessages()).isNotNull();
        return OpenApiInteractionValidator.createFor(result.getOpenAPI()).withBasePathOverride("/v1").build();
    }

    private static com.atlassian.oai.validator.model.Request request(RecordedExchange e) {
        SimpleRequest.Builder builder = new SimpleRequest.Builder(Request.Method.valueOf(e.method()), e.path());
        e.query().forEach(builder::withQueryParam);
        e.requestHeaders().forEach((k, v) -> builder.withHeader(k, v));
        if (!e.requestBody().isEmpty()) {
            builder.withBody(e.requestBody());
        }
        return builder.build();
    }

    /**
     * The response to validate. One defect of Cisco's file is worked around: "List BroadWorks Enterprises"
     * declares {@code EnterpriseListResponse} as one enterprise (no {@code items}) while its own example, and
     * the API, wrap them in {@code items}; each item is validated against that schema instead.
     */
    private static List<com.atlassian.oai.validator.model.Response> responses(RecordedExchange e) throws Exception {
        if (e.path().equals("/v1/broadworks/enterprises") && e.status() == 200) {
            List<com.atlassian.oai.validator.model.Response> items = new ArrayList<>();
            for (var item : MAPPER.readTree(e.responseBody()).path("items")) {
                items.add(response(e, MAPPER.writeValueAsString(item)));
            }
            return items;
        }
        return List.of(response(e, e.responseBody()));
    }

    private static com.atlassian.oai.validator.model.Response response(RecordedExchange e, String body) {
        SimpleResponse.Builder builder = SimpleResponse.Builder.status(e.status());
        e.responseHeaders().forEach(builder::withHeader);
        if (!body.isEmpty()) {
            builder.withContentType("application/json").withBody(body);
        }
        return builder.build();
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER =
            new com.fasterxml.jackson.databind.ObjectMapper();
}
