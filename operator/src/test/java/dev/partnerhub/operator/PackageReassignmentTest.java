package dev.partnerhub.operator;

import static dev.partnerhub.operator.Fixtures.assignment;
import static dev.partnerhub.operator.Fixtures.labelled;
import static dev.partnerhub.operator.Fixtures.user;
import static dev.partnerhub.operator.Fixtures.wholesaleCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.LicenseMode;
import dev.partnerhub.api.v1alpha1.LicenseState;
import dev.partnerhub.api.v1alpha1.PartnerConnection;
import dev.partnerhub.api.v1alpha1.UserActions;
import dev.partnerhub.api.v1alpha1.WebexModel;
import dev.partnerhub.operator.ownership.DeletionBudget;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.operator.user.ActivationActions;
import dev.partnerhub.sandbox.Json;
import dev.partnerhub.sandbox.RecordedExchange;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seed 000's remedy as a once-per-token annotation: the package's licences are taken away and given back, the
 * others stay, and the same token never acts twice.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@WithTestResource(LocalHubResource.class)
class PackageReassignmentTest extends OperatorTestSupport {

    private static final String MEETINGS = "Meeting - Webex Meetings";
    private static final String MESSAGING = "Advanced Messaging";

    @BeforeEach
    void connectToTheHub() {
        connect("hub", WebexModel.WHOLESALE);
    }

    @Test
    void aNewTokenUnassignsAndReassignsThePackageOnceAndKeepsTheOtherLicences() {
        apply(wholesaleCustomer(namespace, "redo", "hub", "webex_meetings"));
        String orgId = awaitCondition(Customer.class, "redo", Conditions.READY, "True").getStatus().getOrgId();
        apply(labelled(user(namespace, "ivy", "redo", "ivy@redo.example.com", "webex_meetings", null),
                Map.of("team", "agents")));
        apply(assignment(namespace, "agents", "redo", LicenseAssignmentTest.CC_STANDARD, LicenseMode.Additive, null,
                Map.of("team", "agents")));
        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> assertThat(customerUser("ivy").getStatus()
                .getLicenses()).filteredOn(l -> l.getState() == LicenseState.Active).hasSize(3));
        String personId = customerUser("ivy").getStatus().getPersonId();

        int before = LocalHubResource.EXCHANGES.size();
        annotate("ivy", ActivationActions.REASSIGN_PACKAGE, "t1");
        await().atMost(TIMEOUT).until(() -> customerUser("ivy").getStatus().getActions() != null
                && "t1".equals(customerUser("ivy").getStatus().getActions().getReassignPackage()));
        assertThat(customerUser("ivy").getStatus().getActions().getReassignPackageResult()).isEqualTo(
                "Package webex_meetings unassigned and assigned again: " + MESSAGING + ", " + MEETINGS + ".");
        List<JsonNode> patches = licencePatches(before, personId);
        assertThat(patches).hasSize(2);
        assertThat(operations(patches.get(0))).containsExactlyInAnyOrder("remove " + licenceId(orgId, MEETINGS),
                "remove " + licenceId(orgId, MESSAGING));
        assertThat(operations(patches.get(1))).containsExactlyInAnyOrder("add " + licenceId(orgId, MEETINGS),
                "add " + licenceId(orgId, MESSAGING));
        assertThat(holders(orgId, MEETINGS)).contains(personId);
        assertThat(holders(orgId, LicenseAssignmentTest.CC_STANDARD)).contains(personId);

        // Another action's token makes a reconcile that records it; t1 is spent and sends nothing.
        annotate("ivy", ActivationActions.RESEND_CONSENT, "later");
        await().atMost(TIMEOUT).until(() -> "later".equals(customerUser("ivy").getStatus().getActions()
                .getResendConsent()));
        assertThat(licencePatches(before, personId)).hasSize(2);
        awaitCondition(CustomerUser.class, "ivy", Conditions.READY, "True");

        annotate("ivy", ActivationActions.REASSIGN_PACKAGE, "t2");
        await().atMost(TIMEOUT).until(() -> "t2".equals(customerUser("ivy").getStatus().getActions()
                .getReassignPackage()));
        assertThat(licencePatches(before, personId)).hasSize(4);
    }

    @Test
    void theUnassignIsARemoteDeletionHeldBeyondTheConnectionsAllowanceUntilApproved() {
        edit(PartnerConnection.class, "hub", c -> c.getSpec().getDeletionProtection().setMaxDeletesPerHour(0));
        apply(wholesaleCustomer(namespace, "held", "hub", "webex_meetings"));
        awaitCondition(Customer.class, "held", Conditions.READY, "True");
        apply(user(namespace, "jo", "held", "jo@held.example.com", "webex_meetings", null));
        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> assertThat(customerUser("jo").getStatus()
                .getLicenses()).filteredOn(l -> l.getState() == LicenseState.Active).hasSize(2));
        String personId = customerUser("jo").getStatus().getPersonId();

        int before = LocalHubResource.EXCHANGES.size();
        annotate("jo", ActivationActions.REASSIGN_PACKAGE, "t1");
        await().atMost(TIMEOUT).untilAsserted(() -> {
            UserActions actions = customerUser("jo").getStatus().getActions();
            assertThat(actions).isNotNull();
            assertThat(actions.getHeld()).isEqualTo("reassign-package (token t1) is held: unassigning the package is "
                    + "a remote deletion and PartnerConnection " + namespace + "/hub's deletions are spent "
                    + "(spec.deletionProtection.maxDeletesPerHour). Annotate the connection with "
                    + DeletionBudget.APPROVE_DELETIONS + "=<new token> to release it.");
            assertThat(actions.getReassignPackage()).as("not done: asked again until released").isNull();
        });
        assertThat(get(PartnerConnection.class, "hub").getStatus().getDeletions().getHeldObjects())
                .containsExactly("CustomerUser " + namespace + "/jo: reassign-package unassigns webex_meetings");
        assertThat(licencePatches(before, personId)).isEmpty();

        edit(PartnerConnection.class, "hub", c -> c.getMetadata().setAnnotations(new HashMap<>(Map.of(
                DeletionBudget.APPROVE_DELETIONS, "a1"))));
        await().atMost(TIMEOUT).until(() -> "t1".equals(customerUser("jo").getStatus().getActions()
                .getReassignPackage()));
        assertThat(customerUser("jo").getStatus().getActions().getHeld()).isNull();
        assertThat(licencePatches(before, personId)).hasSize(2);
    }

    private void annotate(String name, String key, String token) {
        edit(CustomerUser.class, name, u -> {
            Map<String, String> annotations = u.getMetadata().getAnnotations() == null ? new HashMap<>()
                    : new HashMap<>(u.getMetadata().getAnnotations());
            annotations.put(key, token);
            u.getMetadata().setAnnotations(annotations);
        });
    }

    /** The licence changes the hub received for one person since an index of the recorded exchanges. */
    private static List<JsonNode> licencePatches(int since, String personId) {
        return List.copyOf(LocalHubResource.EXCHANGES.subList(since, LocalHubResource.EXCHANGES.size())).stream()
                .filter(e -> e.method().equals("PATCH") && e.path().equals("/v1/licenses/users"))
                .map(RecordedExchange::requestBody).map(body -> {
                    try {
                        return Json.MAPPER.readTree(body);
                    } catch (java.io.IOException e) {
                        throw new IllegalStateException(e);
                    }
                }).filter(body -> personId.equals(body.path("personId").asText())).toList();
    }

    private static List<String> operations(JsonNode patch) {
        return StreamSupport.stream(patch.path("licenses").spliterator(), false)
                .map(l -> l.path("operation").asText("add") + " " + l.path("id").asText()).toList();
    }

    private String licenceId(String orgId, String name) {
        return hubRecords("licenses").stream().filter(l -> orgId.equals(l.path("orgId").asText())
                && name.equals(l.path("name").asText())).findFirst().orElseThrow().path("id").asText();
    }
}
