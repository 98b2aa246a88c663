package dev.partnerhub.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partnerhub.api.v1alpha1.ActivationState;
import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.WebexModel;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.sandbox.HubSettings;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Webex for BroadWorks users: trusted email goes straight through, untrusted email waits for the end user. */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@WithTestResource(LocalHubResource.class)
class BroadWorksActivationTest extends OperatorTestSupport {

    @BeforeEach
    void connectToTheHub() {
        connect("bw", WebexModel.BROADWORKS);
    }

    @Test
    void anUntrustedEmailUserWaitsForTheEndUserThenBecomesProvisioned() {
        String enterprise = "Reseller1+" + namespace;
        apply(Fixtures.broadworksCustomer(namespace, "wayne", "bw", HubSettings.UNTRUSTED_TEMPLATE, enterprise));
        Customer wayne = awaitCondition(Customer.class, "wayne", Conditions.READY, "True");
        assertThat(condition(wayne, Conditions.READY).getReason()).isEqualTo("AwaitingFirstSubscriber");

        String userId = "bruce@" + namespace + ".sp.example.com";
        apply(Fixtures.broadworksUser(namespace, "bruce", "wayne", userId, null, "standard", "1001"));
        CustomerUser bruce = awaitActivation("bruce", ActivationState.PendingEmailInput);
        assertThat(condition(bruce, Conditions.READY).getStatus()).isEqualTo("False");
        assertThat(condition(bruce, Conditions.READY).getReason()).isEqualTo("PendingEmailInput");
        assertThat(condition(bruce, Conditions.STALLED).getStatus()).as("a wait for a person, not an error")
                .isEqualTo("False");
        assertThat(condition(bruce, Conditions.RECONCILING).getStatus()).as("nothing for the operator to do")
                .isEqualTo("False");
        assertThat(bruce.getStatus().getActivation().getPendingAction()).contains("enter their email address");
        assertThat(hubSubscriber(userId).path("status").asText()).isEqualTo("pending_email_input");

        // One subscriber, the one recorded. That its polls neither rewrite the status nor create it again is shown
        // round by round in CustomerUserReconcileTest.
        String subscriberId = bruce.getStatus().getUserId();
        assertThat(hubRecords("broadworksSubscribers")).filteredOn(s -> userId.equals(s.path("userId").asText()))
                .extracting(s -> s.path("id").asText()).containsExactly(subscriberId);

        hub().enterEmail(userId, "bruce@wayne.example.com");
        bruce = awaitActivation("bruce", ActivationState.PendingEmailValidation);
        assertThat(condition(bruce, Conditions.READY).getReason()).isEqualTo("PendingEmailValidation");
        assertThat(bruce.getStatus().getActivation().getPendingAction()).contains("bruce@wayne.example.com");

        hub().validateEmail(userId);
        bruce = awaitCondition(CustomerUser.class, "bruce", Conditions.READY, "True");
        assertThat(bruce.getStatus().getActivation().getState()).isEqualTo(ActivationState.Provisioned);
        assertThat(bruce.getStatus().getActivation().getPendingAction()).isNull();
        assertThat(bruce.getStatus().getEmail()).isEqualTo("bruce@wayne.example.com");
        assertThat(bruce.getStatus().getPersonId()).isNotBlank();
        assertThat(condition(bruce, Conditions.STALLED).getStatus()).isEqualTo("False");

        await().atMost(TIMEOUT).untilAsserted(() -> {
            Customer c = customer("wayne");
            assertThat(c.getStatus().getOrgId()).isNotBlank();
            assertThat(condition(c, Conditions.READY).getReason()).isEqualTo("Provisioned");
        });
    }

    @Test
    void aTrustedEmailUserIsProvisionedWithoutWaitingAndItsPackageNameAndNumberEditsReachTheHub() {
        String enterprise = "Reseller1+" + namespace;
        apply(Fixtures.broadworksCustomer(namespace, "kent", "bw", HubSettings.TRUSTED_TEMPLATE, enterprise));
        awaitCondition(Customer.class, "kent", Conditions.READY, "True");
        String userId = "clark@" + namespace + ".sp.example.com";
        apply(Fixtures.broadworksUser(namespace, "clark", "kent", userId, "clark@kent.example.com", "basic", "2001"));
        awaitCondition(CustomerUser.class, "clark", Conditions.READY, "True");

        edit(CustomerUser.class, "clark", u -> u.getSpec().setPackageName("premium"));
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(hubSubscriber(userId).path("package").asText())
                .isEqualTo("premium"));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            CustomerUser clark = customerUser("clark");
            assertThat(clark.getStatus().getPackageName()).isEqualTo("premium");
            assertThat(clark.getStatus().getActivation().getState()).isEqualTo(ActivationState.Provisioned);
        });

        // BroadWorks holds the names and numbers: they change through the subscriber; a Webex location is refused.
        edit(CustomerUser.class, "clark", u -> {
            u.getSpec().setFirstName("Kal");
            u.getSpec().setPhoneNumber("+12405552001");
        });
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(hubSubscriber(userId).path("firstName").asText()).isEqualTo("Kal");
            assertThat(hubSubscriber(userId).path("primaryPhoneNumber").asText()).isEqualTo("+12405552001");
        });
        edit(CustomerUser.class, "clark", u -> u.getSpec().setLocationId("loc-metropolis"));
        CustomerUser refused = awaitCondition(CustomerUser.class, "clark", Conditions.STALLED, "True");
        assertThat(condition(refused, Conditions.STALLED).getReason()).isEqualTo("UnsupportedByProvider");
        assertThat(condition(refused, Conditions.STALLED).getMessage()).contains("spec.locationId: a broadworks "
                + "connection has no such field");
        assertThat(hubSubscriber(userId).path("firstName").asText()).isEqualTo("Kal");
    }

    @Test
    void aTrustedTemplateWithoutAnEmailIsRefusedWithTheHubsErrorAndNotRetried() {
        apply(Fixtures.broadworksCustomer(namespace, "luthor", "bw", HubSettings.TRUSTED_TEMPLATE,
                "Reseller1+" + namespace));
        awaitCondition(Customer.class, "luthor", Conditions.READY, "True");
        String userId = "lex@" + namespace + ".sp.example.com";
        apply(Fixtures.broadworksUser(namespace, "lex", "luthor", userId, null, "basic", "3001"));

        CustomerUser lex = awaitCondition(CustomerUser.class, "lex", Conditions.STALLED, "True");
        assertThat(condition(lex, Conditions.STALLED).getReason()).isEqualTo("ProviderRejected");
        assertThat(condition(lex, Conditions.STALLED).getMessage()).contains("email is required");
        assertThat(lex.getStatus().getErrors()).singleElement().satisfies(e -> {
            assertThat(e.getCode()).isEqualTo("1008");
            assertThat(e.getTrackingId()).startsWith("LOCALHUB_");
        });
        assertThat(hubRecords("broadworksSubscribers")).noneMatch(s -> userId.equals(s.path("userId").asText()));
    }

    private CustomerUser awaitActivation(String name, ActivationState state) {
        await().atMost(TIMEOUT).untilAsserted(() -> {
            CustomerUser u = customerUser(name);
            assertThat(u.getStatus()).isNotNull();
            assertThat(u.getStatus().getActivation()).isNotNull();
            assertThat(u.getStatus().getActivation().getState()).isEqualTo(state);
        });
        return customerUser(name);
    }

    private JsonNode hubSubscriber(String userId) {
        return hubRecords("broadworksSubscribers").stream().filter(s -> userId.equals(s.path("userId").asText()))
                .findFirst().orElseThrow();
    }
}
