package dev.partnerhub.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partnerhub.api.v1alpha1.AdminAccessLevel;
import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerAttach;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.DeletionPolicy;
import dev.partnerhub.api.v1alpha1.WebexModel;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.sandbox.HubSettings;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Attaching existing customer orgs (seed 003) and deleting customers in the documented order. */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@WithTestResource(LocalHubResource.class)
class AttachAndDetachTest extends OperatorTestSupport {

    @BeforeEach
    void connectToTheHub() {
        connect("hub", WebexModel.WHOLESALE);
    }

    @Test
    void bigVerifiedOrClaimedOrgsWaitForTheirAdminWhileSmallPlainOrgsAttachAutomatically() {
        String big = hub().createOrg("Big Corp", 100, false, false, true);
        String verified = hub().createOrg("Verified Corp", 5, true, false, true);
        String claimed = hub().createOrg("Claimed Corp", 5, false, true, true);
        String plain = hub().createOrg("Plain Corp", 5, false, false, true);
        String unlicensed = hub().createOrg("Unlicensed Corp", 5, false, false, false);
        for (var entry : List.of(List.of("big", big), List.of("verified", verified), List.of("claimed", claimed),
                List.of("plain", plain), List.of("unlicensed", unlicensed))) {
            apply(attaching(entry.get(0), entry.get(1)));
        }
        for (String name : List.of("big", "verified", "claimed")) {
            Customer waiting = awaitCondition(Customer.class, name, Conditions.STALLED, "True");
            assertThat(condition(waiting, Conditions.STALLED).getReason()).isEqualTo("AdminApprovalRequired");
            assertThat(waiting.getStatus().getPendingAction()).contains(HubSettings.PARTNER_ADMIN)
                    .contains("external Full Administrator");
            assertThat(waiting.getStatus().getCustomerId()).isNull();
        }
        Customer attached = awaitCondition(Customer.class, "plain", Conditions.READY, "True");
        assertThat(attached.getStatus().getOrgId()).isEqualTo(plain);
        assertThat(attached.getStatus().getAdminAccess()).isEqualTo(AdminAccessLevel.LimitedAdmin);
        assertThat(attached.getStatus().getAdminRole()).isEqualTo("Provisioning Administrator");
        assertThat(hubCustomer(attached.getStatus().getCustomerId()).path("orgId").asText()).isEqualTo(plain);
        assertThat(orgName(plain)).isEqualTo("Plain Corp");
        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> assertThat(customer("unlicensed").getStatus()
                .getAdminAccess()).isEqualTo(AdminAccessLevel.FullAdmin));

        hub().approveAttach(big);
        Customer approved = awaitCondition(Customer.class, "big", Conditions.READY, "True");
        assertThat(approved.getStatus().getOrgId()).isEqualTo(big);
        assertThat(approved.getStatus().getPendingAction()).isNull();
        assertThat(condition(approved, Conditions.STALLED).getStatus()).isEqualTo("False");
        // Seed 003: the approval makes the partner administrator an external Full Administrator.
        assertThat(approved.getStatus().getAdminAccess()).isEqualTo(AdminAccessLevel.FullAdmin);
        assertThat(customer("verified").getStatus().getCustomerId()).isNull();

        apply(attaching("plain-again", plain));
        Customer second = awaitCondition(Customer.class, "plain-again", Conditions.STALLED, "True");
        assertThat(condition(second, Conditions.STALLED).getReason()).isEqualTo("OrgAlreadyAttached");
        assertThat(condition(second, Conditions.STALLED).getMessage()).contains("spec.attach.orgId")
                .contains(namespace + "/plain");
    }

    @Test
    void deletingACustomerWithTwentyUsersLeavesNothingInTheHub() {
        String customerId = customerWithUsers("doomed", DeletionPolicy.Delete, 20);
        client.resources(Customer.class).inNamespace(namespace).withName("doomed").delete();
        awaitCondition(Customer.class, "doomed", Conditions.READY, "False");
        assertThat(condition(customer("doomed"), Conditions.READY).getReason()).isEqualTo("Deleting");
        assertThat(condition(customer("doomed"), Conditions.READY).getMessage()).contains("20 CustomerUsers");
        client.resources(CustomerUser.class).inNamespace(namespace).delete();
        awaitGone(Customer.class, "doomed");
        assertThat(client.resources(CustomerUser.class).inNamespace(namespace).list().getItems()).isEmpty();
        await().atMost(TIMEOUT).until(() -> hubRecords("wholesaleCustomers").stream()
                .noneMatch(c -> customerId.equals(c.path("id").asText())));
        assertThat(hubSubscribersOf(customerId)).isEmpty();
    }

    @Test
    void deletingAnOrphanCustomerWithTwentyUsersKeepsAllTwentyOneObjectsInTheHub() {
        String customerId = customerWithUsers("kept", DeletionPolicy.Orphan, 20);
        client.resources(Customer.class).inNamespace(namespace).withName("kept").delete();
        awaitCondition(Customer.class, "kept", Conditions.READY, "False");
        client.resources(CustomerUser.class).inNamespace(namespace).delete();
        awaitGone(Customer.class, "kept");
        assertThat(hubRecords("wholesaleCustomers")).anyMatch(c -> customerId.equals(c.path("id").asText()));
        assertThat(hubSubscribersOf(customerId)).hasSize(20);
    }

    @Test
    void subscribersTheHubStillHoldsAreRemovedBeforeTheCustomerAndGoneObjectsLeaveNoFinalizerStuck() throws Exception {
        String customerId = customerWithUsers("leftovers", DeletionPolicy.Delete, 3);
        edit(CustomerUser.class, "user00", u -> u.getSpec().setDeletionPolicy(DeletionPolicy.Orphan));
        await().atMost(TIMEOUT).until(() -> customerUser("user00").getSpec().getDeletionPolicy() == DeletionPolicy.Orphan);
        deleteAndAwaitGone(CustomerUser.class, "user00");
        assertThat(hubSubscribersOf(customerId)).hasSize(3);

        String user01 = customerUser("user01").getStatus().getUserId();
        hubDelete("/v1/wholesale/subscribers/" + user01);
        deleteAndAwaitGone(CustomerUser.class, "user01");
        deleteAndAwaitGone(CustomerUser.class, "user02");

        deleteAndAwaitGone(Customer.class, "leftovers");
        await().atMost(TIMEOUT).until(() -> hubRecords("wholesaleCustomers").stream()
                .noneMatch(c -> customerId.equals(c.path("id").asText())));
        assertThat(hubSubscribersOf(customerId)).isEmpty();

        String goneId = customerWithUsers("vanished", DeletionPolicy.Delete, 1);
        hubDelete("/v1/wholesale/subscribers/" + customerUser("user00").getStatus().getUserId());
        hubDelete("/v1/wholesale/customers/" + goneId);
        client.resources(Customer.class).inNamespace(namespace).withName("vanished").delete();
        client.resources(CustomerUser.class).inNamespace(namespace).delete();
        awaitGone(CustomerUser.class, "user00");
        awaitGone(Customer.class, "vanished");
    }

    private String customerWithUsers(String name, DeletionPolicy policy, int users) {
        Customer c = Fixtures.wholesaleCustomer(namespace, name, "hub", "webex_meetings");
        c.getSpec().setDeletionPolicy(policy);
        apply(c);
        String customerId = awaitCondition(Customer.class, name, Conditions.READY, "True").getStatus().getCustomerId();
        IntStream.range(0, users).forEach(i -> apply(Fixtures.user(namespace, String.format("user%02d", i), name,
                String.format("user%02d@%s.%s.example.com", i, name, namespace), "webex_meetings", null)));
        await().atMost(TIMEOUT).until(() -> hubSubscribersOf(customerId).size() == users);
        await().atMost(TIMEOUT).ignoreExceptions().until(() -> customer(name).getStatus().getUsers().getProvisioned()
                == users);
        return customerId;
    }

    private Customer attaching(String name, String orgId) {
        Customer c = Fixtures.wholesaleCustomer(namespace, name, "hub", "webex_meetings");
        c.getSpec().setDisplayName(null);
        c.getSpec().setPrimaryEmail(null);
        CustomerAttach attach = new CustomerAttach();
        attach.setOrgId(orgId);
        c.getSpec().setAttach(attach);
        return c;
    }

    private JsonNode hubCustomer(String customerId) {
        return hubRecords("wholesaleCustomers").stream().filter(c -> customerId.equals(c.path("id").asText()))
                .findFirst().orElseThrow();
    }

    private String orgName(String orgId) {
        return hubRecords("orgs").stream().filter(o -> orgId.equals(o.path("orgId").asText())).findFirst()
                .orElseThrow().path("name").asText();
    }

    /** Someone deletes an object in the partner portal, behind the operator's back. */
    private void hubDelete(String path) throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(hubUrl + path))
                .header("Authorization", "Bearer " + LocalHubResource.hub.token()).DELETE().build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path).isLessThan(300);
    }
}
