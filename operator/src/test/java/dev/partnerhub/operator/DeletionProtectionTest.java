package dev.partnerhub.operator;

import static dev.partnerhub.operator.Fixtures.assignment;
import static dev.partnerhub.operator.Fixtures.labelled;
import static dev.partnerhub.operator.Fixtures.user;
import static dev.partnerhub.operator.Fixtures.wholesaleCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.LicenseAssignment;
import dev.partnerhub.api.v1alpha1.LicenseMode;
import dev.partnerhub.api.v1alpha1.PartnerConnection;
import dev.partnerhub.api.v1alpha1.WebexModel;
import dev.partnerhub.operator.ownership.DeletionBudget;
import dev.partnerhub.operator.status.Conditions;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Deletion protection: beyond a connection's hourly allowance, remote deletions (users, licences taken away by an
 * Exclusive assignment) wait for a person's approval token, so that a mistake can never wipe a customer.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@WithTestResource(LocalHubResource.class)
class DeletionProtectionTest extends OperatorTestSupport {

    private static final String ATTENDANT = LicenseAssignmentTest.ATTENDANT;

    @BeforeEach
    void connectWithAnAllowanceOfTen() {
        client.resource(Fixtures.tokenSecret(namespace, LocalHubResource.hub.token())).create();
        PartnerConnection connection = Fixtures.connection(namespace, "hub", hubUrl + "/v1", WebexModel.WHOLESALE);
        connection.getSpec().getDeletionProtection().setMaxDeletesPerHour(10);
        connection.getSpec().getRateLimit().setRequestsPerSecond(100);
        connection.getSpec().getRateLimit().setBurst(100);
        apply(connection);
        awaitCondition(PartnerConnection.class, "hub", Conditions.READY, "True");
    }

    @Test
    void fiftyUsersDeletedWithAnAllowanceOfTenLoseTenHoldFortyAndOneApprovalReleasesTheRest() {
        apply(wholesaleCustomer(namespace, "big", "hub", "webex_meetings"));
        String customerId = awaitCondition(Customer.class, "big", Conditions.READY, "True").getStatus().getCustomerId();
        IntStream.rangeClosed(1, 50).mapToObj(i -> String.format("u%02d", i)).forEach(name -> apply(user(namespace, name,
                "big", name + "@big.example.com", "webex_meetings", null)));
        await().atMost(TIMEOUT).until(() -> client.resources(CustomerUser.class).inNamespace(namespace).list().getItems()
                .stream().allMatch(u -> Conditions.isTrue(u.getStatus(), Conditions.READY)));
        assertThat(hubSubscribersOf(customerId)).hasSize(50);

        client.resources(CustomerUser.class).inNamespace(namespace).delete();
        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(get(PartnerConnection.class, "hub").getStatus().getDeletions().getHeld()).isEqualTo(40);
            assertThat(client.resources(CustomerUser.class).inNamespace(namespace).list().getItems()).hasSize(40)
                    .allSatisfy(u -> assertThat(condition(u, Conditions.STALLED).getReason()).isEqualTo("DeletionHeld"));
        });
        assertThat(hubSubscribersOf(customerId)).hasSize(40);
        assertThat(get(PartnerConnection.class, "hub").getStatus().getDeletions().getLastHour()).hasSize(10);
        assertThat(get(PartnerConnection.class, "hub").getStatus().getDeletions().getHeldObjects()).hasSize(10)
                .allSatisfy(what -> assertThat(what).startsWith("CustomerUser " + namespace + "/u"));

        edit(PartnerConnection.class, "hub", c -> c.getMetadata().setAnnotations(new HashMap<>(Map.of(
                DeletionBudget.APPROVE_DELETIONS, "t1"))));
        await().atMost(TIMEOUT).until(() -> client.resources(CustomerUser.class).inNamespace(namespace).list()
                .getItems().isEmpty());
        assertThat(hubSubscribersOf(customerId)).isEmpty();
        await().atMost(TIMEOUT).untilAsserted(() -> {
            var deletions = get(PartnerConnection.class, "hub").getStatus().getDeletions();
            assertThat(deletions.getHeld()).isZero();
            assertThat(deletions.getApprovedToken()).isEqualTo("t1");
        });
    }

    @Test
    void anExclusiveAssignmentEditedToSelectNobodyTakesAwayAtMostTheAllowanceAndHoldsTheRest() {
        apply(wholesaleCustomer(namespace, "desk", "hub", "webex_calling"));
        String orgId = awaitCondition(Customer.class, "desk", Conditions.READY, "True").getStatus().getOrgId();
        for (int i = 1; i <= 15; i++) {
            String name = String.format("op%02d", i);
            apply(labelled(user(namespace, name, "desk", name + "@desk.example.com", "webex_calling",
                    "+124055570" + String.format("%02d", i)), Map.of("team", "front")));
        }
        apply(assignment(namespace, "console", "desk", ATTENDANT, LicenseMode.Exclusive, null, Map.of("team", "front")));
        awaitCondition(LicenseAssignment.class, "console", Conditions.READY, "True");
        assertThat(holders(orgId, ATTENDANT)).hasSize(15);

        edit(LicenseAssignment.class, "console", a -> a.getSpec().getUsers().getSelector().setMatchLabels(
                Map.of("team", "nobody")));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            LicenseAssignment console = get(LicenseAssignment.class, "console");
            assertThat(console.getStatus().getRemovalsHeld()).isEqualTo(5);
            assertThat(condition(console, Conditions.READY).getReason()).isEqualTo("DeletionHeld");
        });
        assertThat(holders(orgId, ATTENDANT)).hasSize(5);

        edit(PartnerConnection.class, "hub", c -> c.getMetadata().setAnnotations(new HashMap<>(Map.of(
                DeletionBudget.APPROVE_DELETIONS, "t1"))));
        await().atMost(TIMEOUT).until(() -> holders(orgId, ATTENDANT).isEmpty());
        await().atMost(TIMEOUT).until(() -> get(LicenseAssignment.class, "console").getStatus().getRemovalsHeld() == 0);
    }
}
