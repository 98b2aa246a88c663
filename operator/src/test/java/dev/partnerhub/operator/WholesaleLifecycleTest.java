package dev.partnerhub.operator;

import static dev.partnerhub.operator.Fixtures.orphan;
import static dev.partnerhub.operator.Fixtures.user;
import static dev.partnerhub.operator.Fixtures.wholesaleCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partnerhub.api.v1alpha1.ActivationState;
import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.DeletionPolicy;
import dev.partnerhub.api.v1alpha1.WebexModel;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.sandbox.Json;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A Wholesale customer and its users, end to end against the mock API server and the local partner hub. */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@WithTestResource(LocalHubResource.class)
class WholesaleLifecycleTest extends OperatorTestSupport {

    @BeforeEach
    void connectToTheHub() {
        connect("hub", WebexModel.WHOLESALE);
    }

    @Test
    void aCustomerGoesFromNothingToReadyAndThreeTrustedUsersReachProvisioned() {
        apply(wholesaleCustomer(namespace, "acme", "hub", "webex_calling", "webex_meetings"));
        Customer acme = awaitCondition(Customer.class, "acme", Conditions.READY, "True");
        assertThat(acme.getStatus().getCustomerId()).isNotBlank();
        assertThat(acme.getStatus().getOrgId()).isNotBlank();
        assertThat(acme.getStatus().getProviderStatus()).isEqualTo("provisioned");
        assertThat(acme.getStatus().getObservedGeneration()).isEqualTo(acme.getMetadata().getGeneration());

        apply(user(namespace, "alice", "acme", "alice@acme.example.com", "webex_calling", "+12405551001"));
        apply(user(namespace, "bob", "acme", "bob@acme.example.com", "webex_meetings", null));
        apply(user(namespace, "carol", "acme", "carol@acme.example.com", "webex_calling", "+12405551003"));
        for (String name : List.of("alice", "bob", "carol")) {
            CustomerUser u = awaitCondition(CustomerUser.class, name, Conditions.READY, "True");
            assertThat(u.getStatus().getActivation().getState()).isEqualTo(ActivationState.Provisioned);
            assertThat(u.getStatus().getUserId()).isNotBlank();
            assertThat(u.getStatus().getPersonId()).isNotBlank();
            assertThat(condition(u, Conditions.STALLED).getStatus()).isEqualTo("False");
        }
        List<JsonNode> inHub = hubSubscribersOf(acme.getStatus().getCustomerId());
        assertThat(inHub).extracting(s -> s.path("email").asText())
                .containsExactlyInAnyOrder("alice@acme.example.com", "bob@acme.example.com", "carol@acme.example.com");
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(customer("acme").getStatus().getUsers().getSummary())
                .isEqualTo("3/3"));
    }

    @Test
    void aPackageChangeOnAUserAndOnTheCustomerReachesTheHub() {
        apply(wholesaleCustomer(namespace, "globex", "hub", "webex_calling", "webex_meetings"));
        String customerId = awaitCondition(Customer.class, "globex", Conditions.READY, "True").getStatus()
                .getCustomerId();
        apply(user(namespace, "dave", "globex", "dave@globex.example.com", "webex_meetings", "+12405552001"));
        awaitCondition(CustomerUser.class, "dave", Conditions.READY, "True");

        edit(CustomerUser.class, "dave", u -> u.getSpec().setPackageName("webex_calling"));
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(hubSubscribersOf(customerId))
                .extracting(s -> s.path("package").asText()).containsExactly("webex_calling"));
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(customerUser("dave").getStatus().getPackageName())
                .isEqualTo("webex_calling"));

        edit(Customer.class, "globex", c -> c.getSpec().setPackages(List.of("webex_calling", "webex_meetings",
                "webex_suite")));
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(hubCustomer(customerId).path("packages"))
                .extracting(JsonNode::asText).containsExactlyInAnyOrder("webex_calling", "webex_meetings", "webex_suite"));
        awaitCondition(Customer.class, "globex", Conditions.READY, "True");
    }

    @Test
    void theOrgIdStaysInTheStatusWhileTheHubAppliesAPackageChange() {
        apply(wholesaleCustomer(namespace, "hooli", "hub", "webex_meetings"));
        Customer ready = awaitCondition(Customer.class, "hooli", Conditions.READY, "True");
        String orgId = ready.getStatus().getOrgId();
        assertThat(orgId).isNotBlank();
        long delayBefore = hub().settings(Json.object()).path("customerProvisioningDelayMs").asLong();
        // Long enough for the operator to read the customer back while the hub still applies the change; Webex
        // leaves the org's ID out of an "updating" customer.
        hub().settings(Json.object().put("customerProvisioningDelayMs", 3000));
        try {
            edit(Customer.class, "hooli", c -> c.getSpec().setPackages(List.of("webex_meetings", "webex_calling")));
            await().atMost(TIMEOUT).untilAsserted(() -> assertThat(customer("hooli").getStatus().getProviderStatus())
                    .isEqualTo("updating"));
            assertThat(customer("hooli").getStatus().getOrgId()).isEqualTo(orgId);
        } finally {
            hub().settings(Json.object().put("customerProvisioningDelayMs", delayBefore));
        }
        Customer updated = awaitCondition(Customer.class, "hooli", Conditions.READY, "True");
        assertThat(updated.getStatus().getProviderStatus()).isEqualTo("provisioned");
        assertThat(updated.getStatus().getOrgId()).isEqualTo(orgId);
    }

    @Test
    void aPackageChangeTheHubAcceptedButDoesNotApplyIsSentAgainOnlyAfterAWaitThatDoubles() {
        apply(wholesaleCustomer(namespace, "umbrella", "hub", "webex_meetings"));
        String customerId = awaitCondition(Customer.class, "umbrella", Conditions.READY, "True").getStatus()
                .getCustomerId();
        List<Long> puts = new java.util.concurrent.CopyOnWriteArrayList<>();
        LocalHubResource.hub.addListener(e -> {
            if (e.method().equals("PUT") && e.path().equals("/v1/wholesale/customers/" + customerId)) {
                puts.add(System.nanoTime());
            }
        });
        // The hub accepts the first two PUTs (202) and applies nothing, still showing the old list.
        hub().addFault(Json.object().put("method", "PUT").put("pathPrefix", "/v1/wholesale/customers/" + customerId)
                .put("status", 202).put("times", 2));

        edit(Customer.class, "umbrella", c -> c.getSpec().setPackages(List.of("webex_meetings", "webex_calling")));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            Customer c = customer("umbrella");
            assertThat(c.getStatus().getPackageChange()).isNotNull();
            assertThat(condition(c, Conditions.READY).getMessage()).contains("accepted the package list")
                    .contains("sent again at " + c.getStatus().getPackageChange().getResendAfter());
        });
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(hubCustomer(customerId).path("packages"))
                .extracting(JsonNode::asText).containsExactlyInAnyOrder("webex_meetings", "webex_calling"));
        Customer done = awaitCondition(Customer.class, "umbrella", Conditions.READY, "True");
        assertThat(done.getStatus().getPackageChange()).isNull();
        // Sent, sent again no sooner than partnerhub.polling.reapply (3 s here), then after twice that: applied.
        assertThat(puts).hasSize(3);
        assertThat(java.time.Duration.ofNanos(puts.get(1) - puts.get(0))).isGreaterThanOrEqualTo(
                java.time.Duration.ofSeconds(3));
        assertThat(java.time.Duration.ofNanos(puts.get(2) - puts.get(1))).isGreaterThanOrEqualTo(
                java.time.Duration.ofSeconds(6));
    }

    @Test
    void deletingAUserRemovesItFromTheHubWhileOrphanKeepsIt() {
        apply(wholesaleCustomer(namespace, "initech", "hub", "webex_meetings"));
        String customerId = awaitCondition(Customer.class, "initech", Conditions.READY, "True").getStatus()
                .getCustomerId();
        apply(user(namespace, "erin", "initech", "erin@initech.example.com", "webex_meetings", null));
        apply(orphan(user(namespace, "frank", "initech", "frank@initech.example.com", "webex_meetings", null)));
        awaitCondition(CustomerUser.class, "erin", Conditions.READY, "True");
        awaitCondition(CustomerUser.class, "frank", Conditions.READY, "True");

        deleteAndAwaitGone(CustomerUser.class, "erin");
        deleteAndAwaitGone(CustomerUser.class, "frank");

        assertThat(hubSubscribersOf(customerId)).extracting(s -> s.path("email").asText())
                .containsExactly("frank@initech.example.com");
    }

    @Test
    void aUserOfAnUnknownCustomerIsStalledWithAClearMessageAndNothingIsCreated() {
        int before = hubRecords("wholesaleSubscribers").size();
        apply(user(namespace, "ghost", "no-such-customer", "ghost@example.com", "webex_meetings", null));

        CustomerUser ghost = awaitCondition(CustomerUser.class, "ghost", Conditions.STALLED, "True");
        assertThat(condition(ghost, Conditions.STALLED).getReason()).isEqualTo("CustomerNotFound");
        assertThat(condition(ghost, Conditions.READY).getMessage())
                .contains("spec.customerRef.name").contains("no-such-customer");
        assertThat(ghost.getStatus().getUserId()).isNull();
        assertThat(hubRecords("wholesaleSubscribers")).hasSize(before);

        deleteAndAwaitGone(CustomerUser.class, "ghost");
    }

    @Test
    void anExternalUserIsRefusedWithTheProvidersReasonAndTheFixAndNothingIsCreated() {
        apply(wholesaleCustomer(namespace, "initrode", "hub", "webex_meetings"));
        apply(wholesaleCustomer(namespace, "vendor", "hub", "webex_meetings"));
        String customerId = awaitCondition(Customer.class, "initrode", Conditions.READY, "True").getStatus()
                .getCustomerId();
        String vendorOrg = awaitCondition(Customer.class, "vendor", Conditions.READY, "True").getStatus().getOrgId();
        // The guest's address is in a domain another customer's organization has claimed.
        hub().claimDomains(vendorOrg, "vendor.example.com");
        apply(user(namespace, "guest", "initrode", "guest@vendor.example.com", "webex_meetings", null));

        CustomerUser guest = awaitCondition(CustomerUser.class, "guest", Conditions.STALLED, "True");
        assertThat(condition(guest, Conditions.STALLED).getReason()).isEqualTo("ProviderRejected");
        assertThat(condition(guest, Conditions.READY).getMessage()).contains("guest@vendor.example.com",
                "external user", "claimed the domain vendor.example.com",
                "Use the user's address in a domain of the customer's own organization");
        assertThat(guest.getStatus().getErrors()).extracting(e -> e.getCode()).containsExactly("10024");
        assertThat(guest.getStatus().getUserId()).isNull();
        assertThat(hubSubscribersOf(customerId)).isEmpty();

        // Corrected, the same CustomerUser converges.
        edit(CustomerUser.class, "guest", u -> u.getSpec().setEmail("guest@initrode.example.com"));
        awaitCondition(CustomerUser.class, "guest", Conditions.READY, "True");
        assertThat(hubSubscribersOf(customerId)).extracting(n -> n.path("email").asText())
                .containsExactly("guest@initrode.example.com");
        hub().claimDomains(vendorOrg);
    }

    @Test
    void anUnknownPackageOrACallingPackageWithoutANumberIsStalledNamingTheField() {
        apply(wholesaleCustomer(namespace, "umbrella", "hub", "webex_calling"));
        String customerId = awaitCondition(Customer.class, "umbrella", Conditions.READY, "True").getStatus()
                .getCustomerId();
        apply(user(namespace, "hank", "umbrella", "hank@umbrella.example.com", "premium", "+12405553001"));
        apply(user(namespace, "ivy", "umbrella", "ivy@umbrella.example.com", "webex_calling", null));

        CustomerUser hank = awaitCondition(CustomerUser.class, "hank", Conditions.STALLED, "True");
        assertThat(condition(hank, Conditions.STALLED).getReason()).isEqualTo("InvalidSpec");
        assertThat(condition(hank, Conditions.STALLED).getMessage()).contains("spec.package: premium");
        CustomerUser ivy = awaitCondition(CustomerUser.class, "ivy", Conditions.STALLED, "True");
        assertThat(condition(ivy, Conditions.STALLED).getMessage())
                .contains("spec.phoneNumber, spec.extension");
        assertThat(hubSubscribersOf(customerId)).isEmpty();

        edit(CustomerUser.class, "ivy", u -> u.getSpec().setExtension("3002"));
        awaitCondition(CustomerUser.class, "ivy", Conditions.READY, "True");
    }

    @Test
    void aCallingCustomerWithoutItsCallingLocationIsRefusedBeforeAnyCallAndConvergesOnceItHasOne() {
        Customer customer = wholesaleCustomer(namespace, "initech", "hub", "webex_meetings", "webex_calling");
        customer.getSpec().setCalling(null);
        apply(customer);
        Customer refused = awaitCondition(Customer.class, "initech", Conditions.STALLED, "True");
        assertThat(condition(refused, Conditions.STALLED).getReason()).isEqualTo("InvalidSpec");
        assertThat(condition(refused, Conditions.STALLED).getMessage())
                .startsWith("spec.calling.location: required with the calling package(s) [webex_calling]");
        assertThat(refused.getStatus().getCustomerId()).isNull();
        assertThat(LocalHubResource.EXCHANGES).noneMatch(e -> e.method().equals("POST")
                && e.requestBody().contains(customer.getSpec().getExternalId()));

        edit(Customer.class, "initech", c -> c.getSpec().setCalling(Fixtures.headOffice()));
        Customer ready = awaitCondition(Customer.class, "initech", Conditions.READY, "True");
        assertThat(hubCustomer(ready.getStatus().getCustomerId()).path("packages")).extracting(JsonNode::asText)
                .containsExactlyInAnyOrder("webex_meetings", "webex_calling");

        // Provisioned: Webex changes the location in Control Hub, never through a change sent again.
        edit(Customer.class, "initech", c -> c.getSpec().getCalling().getLocation().setTimezone("America/Denver"));
        Customer moved = awaitCondition(Customer.class, "initech", Conditions.STALLED, "True");
        assertThat(condition(moved, Conditions.STALLED).getReason()).isEqualTo("ImmutableFieldChanged");
        assertThat(condition(moved, Conditions.STALLED).getMessage()).startsWith("spec.calling.location: cannot "
                + "change once set (it was timezone=America/Los_Angeles, language=en_us, now "
                + "timezone=America/Denver, language=en_us)").contains("Control Hub (Calling, Locations)");
        edit(Customer.class, "initech", c -> c.getSpec().getCalling().getLocation().setTimezone("America/Los_Angeles"));
        awaitCondition(Customer.class, "initech", Conditions.READY, "True");
    }

    @Test
    void reappliedManifestsNeverDuplicateAndTakeBackWhatOrphanKeptOnlyWithAdoptExisting() {
        Customer customer = wholesaleCustomer(namespace, "hooli", "hub", "webex_meetings");
        customer.getSpec().setDeletionPolicy(DeletionPolicy.Orphan);
        CustomerUser kim = user(namespace, "kim", "hooli", "kim@hooli.example.com", "webex_meetings", null);
        CustomerUser lee = orphan(user(namespace, "lee", "hooli", "lee@hooli.example.com", "webex_meetings", null));
        String externalId = customer.getSpec().getExternalId();
        apply(copyOf(customer));
        apply(copyOf(kim));
        apply(copyOf(lee));
        String customerId = awaitCondition(Customer.class, "hooli", Conditions.READY, "True").getStatus()
                .getCustomerId();
        String leeId = awaitCondition(CustomerUser.class, "lee", Conditions.READY, "True").getStatus().getUserId();
        awaitCondition(CustomerUser.class, "kim", Conditions.READY, "True");
        // Users first: deleted alone, kim (Delete) goes and lee (Orphan) stays; then the Orphan customer.
        client.resources(CustomerUser.class).inNamespace(namespace).delete();
        awaitGone(CustomerUser.class, "kim");
        awaitGone(CustomerUser.class, "lee");
        client.resources(Customer.class).inNamespace(namespace).delete();
        awaitGone(Customer.class, "hooli");
        assertThat(hubSubscribersOf(customerId)).extracting(s -> s.path("email").asText())
                .containsExactly("lee@hooli.example.com");

        // The same manifests again: what the hub kept is not theirs, so nothing is touched and nothing duplicated.
        apply(copyOf(customer));
        Customer refused = awaitCondition(Customer.class, "hooli", Conditions.STALLED, "True");
        assertThat(condition(refused, Conditions.STALLED).getReason()).isEqualTo("AlreadyExists");
        assertThat(condition(refused, Conditions.STALLED).getMessage()).contains(externalId).contains(customerId)
                .contains("spec.adoptExisting: true");
        edit(Customer.class, "hooli", c -> c.getSpec().setAdoptExisting(true));
        assertThat(awaitCondition(Customer.class, "hooli", Conditions.READY, "True").getStatus().getCustomerId())
                .isEqualTo(customerId);
        apply(copyOf(kim));
        apply(copyOf(lee));
        awaitCondition(CustomerUser.class, "kim", Conditions.READY, "True");
        assertThat(condition(awaitCondition(CustomerUser.class, "lee", Conditions.STALLED, "True"), Conditions.STALLED)
                .getReason()).isEqualTo("AlreadyExists");
        edit(CustomerUser.class, "lee", u -> u.getSpec().setAdoptExisting(true));
        assertThat(awaitCondition(CustomerUser.class, "lee", Conditions.READY, "True").getStatus().getUserId())
                .isEqualTo(leeId);
        assertThat(hubRecords("wholesaleCustomers")).filteredOn(c -> externalId.equals(c.path("externalId").asText()))
                .hasSize(1);
        assertThat(hubSubscribersOf(customerId)).extracting(s -> s.path("email").asText())
                .containsExactlyInAnyOrder("kim@hooli.example.com", "lee@hooli.example.com");
    }

    /**
     * Converged end to end. That the next rounds of both then cost no call and no write is shown round by round in
     * CustomerUserReconcileTest and CustomerReconcileTest.
     */
    @Test
    void aConvergedUserIsCountedAndItsPackageLicencesSeenActive() {
        apply(wholesaleCustomer(namespace, "stark", "hub", "webex_meetings"));
        awaitCondition(Customer.class, "stark", Conditions.READY, "True");
        apply(user(namespace, "tony", "stark", "tony@stark.example.com", "webex_meetings", null));
        awaitCondition(CustomerUser.class, "tony", Conditions.READY, "True");
        // Converged: the customer counts the user, and the user's package licences are seen active.
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(customer("stark").getStatus().getUsers().getSummary()).isEqualTo("1/1");
            assertThat(customerUser("tony").getStatus().getLicenses()).isNotEmpty()
                    .allMatch(l -> l.getState() == dev.partnerhub.api.v1alpha1.LicenseState.Active);
        });
    }

    private JsonNode hubCustomer(String customerId) {
        return hubRecords("wholesaleCustomers").stream().filter(c -> customerId.equals(c.path("id").asText()))
                .findFirst().orElseThrow();
    }

    private <T extends io.fabric8.kubernetes.api.model.HasMetadata> T copyOf(T resource) {
        return io.fabric8.kubernetes.client.utils.Serialization.clone(resource);
    }
}
