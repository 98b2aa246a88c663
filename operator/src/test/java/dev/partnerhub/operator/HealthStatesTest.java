package dev.partnerhub.operator;

import static dev.partnerhub.operator.Fixtures.user;
import static dev.partnerhub.operator.Fixtures.wholesaleCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partnerhub.api.v1alpha1.ActivationState;
import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.LicenseAssignment;
import dev.partnerhub.api.v1alpha1.LicenseMode;
import dev.partnerhub.api.v1alpha1.PartnerConnection;
import dev.partnerhub.api.v1alpha1.SecretKeyRef;
import dev.partnerhub.api.v1alpha1.WebexModel;
import dev.partnerhub.operator.health.ArgoHealth;
import dev.partnerhub.operator.health.Kstatus;
import dev.partnerhub.operator.health.StateTable;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.operator.status.Reason;
import dev.partnerhub.operator.status.ReasonsDocumentedTest;
import dev.partnerhub.sandbox.HubSettings;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * docs/api.md's state table against the operator: each row's state is brought about on the local hub, the resource
 * as the operator wrote it is read back, and its conditions, kstatus's result and the chart's Argo CD health check
 * (run in LuaJ) must be what the row says. A state the operator reaches here without a row fails too. The captured
 * resources stay in target/health-states/ for a reader.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@WithTestResource(LocalHubResource.class)
class HealthStatesTest extends OperatorTestSupport {

    private static final String CONTACT_CENTER = LicenseAssignmentTest.CC_STANDARD;
    private static final Path CAPTURED = Path.of("target", "health-states");
    private final Map<String, JsonNode> captured = new TreeMap<>();

    @Test
    void everyRowOfTheStateTableIsWhatTheOperatorWritesAndWhatKstatusAndArgoCdReadOfIt() throws Exception {
        connect("hub", WebexModel.WHOLESALE);
        capture(PartnerConnection.class, "hub");
        apply(wholesaleCustomer(namespace, "acme", "hub", "webex_meetings"));
        String orgId = awaitCondition(Customer.class, "acme", Conditions.READY, "True").getStatus().getOrgId();
        capture(Customer.class, "acme");
        apply(user(namespace, "alice", "acme", "alice@acme.example.com", "webex_meetings", null));
        apply(user(namespace, "carol", "acme", "carol@acme.example.com", "webex_meetings", null));
        awaitCondition(CustomerUser.class, "carol", Conditions.READY, "True");
        capture(CustomerUser.class, awaitCondition(CustomerUser.class, "alice", Conditions.READY, "True"));

        apply(user(namespace, "bob", "acme", "bob@acme.example.com", "no_such_package", null));
        capture(CustomerUser.class, awaitCondition(CustomerUser.class, "bob", Conditions.STALLED, "True"));
        apply(wholesaleCustomer(namespace, "initech", "hub", "no_such_package"));
        capture(Customer.class, awaitCondition(Customer.class, "initech", Conditions.STALLED, "True"));

        hub().setSeats(orgId, CONTACT_CENTER, 1);
        apply(Fixtures.assignment(namespace, "agents", "acme", CONTACT_CENTER, LicenseMode.Additive,
                List.of("alice"), null));
        capture(LicenseAssignment.class, awaitCondition(LicenseAssignment.class, "agents", Conditions.READY, "True"));
        apply(Fixtures.assignment(namespace, "more-agents", "acme", CONTACT_CENTER, LicenseMode.Additive,
                List.of("carol"), null));
        capture(LicenseAssignment.class, awaitCondition(LicenseAssignment.class, "more-agents", Conditions.STALLED,
                "True"));

        pendingEmailInput();
        rejectedCredentials();
        customerBeingDeleted();
        outage();

        Files.createDirectories(CAPTURED);
        for (Map.Entry<String, JsonNode> e : captured.entrySet()) {
            Files.writeString(CAPTURED.resolve(e.getKey().replace(' ', '-') + ".json"),
                    e.getValue().toPrettyString());
        }
        ObjectNode edited = captured.get("CustomerUser Provisioned").deepCopy();
        ((ObjectNode) edited.path("metadata")).put("generation", edited.path("metadata").path("generation").asLong() + 1);
        captured.put("any " + StateTable.EDITED, edited);

        ArgoHealth argo = ArgoHealth.load();
        assertThat(argo.scripts()).as("a health check for each kind").containsOnlyKeys("PartnerConnection", "Customer",
                "CustomerUser", "LicenseAssignment");
        List<StateTable.Row> rows = StateTable.read();
        assertThat(rows).as("docs/api.md's state table").hasSizeGreaterThanOrEqualTo(10);
        List<String> problems = new ArrayList<>();
        for (StateTable.Row row : rows) {
            JsonNode resource = captured.get(row.key());
            if (resource == null) {
                problems.add(row.key() + ": a row of the table that no scenario here reaches (reached: "
                        + captured.keySet() + ")");
                continue;
            }
            String got = "Ready=" + condition(resource, "Ready") + " Reconciling=" + condition(resource, "Reconciling")
                    + " Stalled=" + condition(resource, "Stalled") + " kstatus=" + Kstatus.compute(resource)
                    + " argo=" + argo.of(resource).status();
            String want = "Ready=" + row.ready() + " Reconciling=" + row.reconciling() + " Stalled=" + row.stalled()
                    + " kstatus=" + row.kstatus() + " argo=" + row.argo();
            if (row.reason().equals(StateTable.EDITED)) {
                // The conditions are those of the generation before: only what the tools make of them is checked.
                got = got.substring(got.indexOf(" kstatus="));
                want = want.substring(want.indexOf(" kstatus="));
            }
            if (!row.reason().equals(StateTable.EDITED) && !row.kstatus().equals("Terminating")) {
                // The reason's own meaning, as its enum constant carries it, must be what kstatus makes of the status.
                String meant = ReasonsDocumentedTest.meaning(row.kind(), row.reason()).map(Reason.Meaning::kstatus)
                        .orElse("no such reason");
                if (!meant.equals(row.kstatus())) {
                    problems.add(row.key() + ": kstatus reads " + row.kstatus() + ", the reason's constant means "
                            + meant);
                }
            }
            if (!got.equals(want)) {
                problems.add(row.key() + ": the table says " + want + ", the operator's status gives " + got
                        + " (Argo CD's message: " + argo.of(resource).message() + ")");
            }
        }
        List<String> keys = rows.stream().map(StateTable.Row::key).toList();
        captured.keySet().stream().filter(k -> !keys.contains(k))
                .forEach(k -> problems.add(k + ": a state reached here that the table does not list"));
        assertThat(problems).as("docs/api.md's state table against the operator").isEmpty();
    }

    private void capture(Class<? extends HasMetadata> type, String name) {
        capture(type, get(type, name));
    }

    private void capture(Class<? extends HasMetadata> type, HasMetadata resource) {
        JsonNode json = new ObjectMapper().valueToTree(Serialization.jsonMapper().convertValue(resource, Map.class));
        captured.put(json.path("kind").asText() + " " + decidingReason(json), json);
    }

    /** The reason a reader goes by: Stalled's when True, else Reconciling's when True, else Ready's. */
    static String decidingReason(JsonNode resource) {
        for (String type : List.of("Stalled", "Reconciling")) {
            JsonNode c = find(resource, type);
            if (c != null && "True".equals(c.path("status").asText())) {
                return c.path("reason").asText();
            }
        }
        JsonNode ready = find(resource, "Ready");
        return ready == null ? "-" : ready.path("reason").asText();
    }

    private static String condition(JsonNode resource, String type) {
        JsonNode c = find(resource, type);
        return c == null ? "-" : c.path("status").asText();
    }

    private static JsonNode find(JsonNode resource, String type) {
        for (JsonNode c : resource.path("status").path("conditions")) {
            if (type.equals(c.path("type").asText())) {
                return c;
            }
        }
        return null;
    }

    /**
     * A BroadWorks user of a customer that does not trust emails waits for the end user to enter one, and so does
     * a licence of that customer, whose org the hub makes with its first activation.
     */
    private void pendingEmailInput() {
        PartnerConnection bw = Fixtures.connection(namespace, "bw", hubUrl + "/v1", WebexModel.BROADWORKS);
        apply(bw);
        awaitCondition(PartnerConnection.class, "bw", Conditions.READY, "True");
        apply(Fixtures.broadworksCustomer(namespace, "wayne", "bw", HubSettings.UNTRUSTED_TEMPLATE,
                "Reseller1+" + namespace));
        awaitCondition(Customer.class, "wayne", Conditions.READY, "True");
        apply(Fixtures.broadworksUser(namespace, "bruce", "wayne", "bruce@" + namespace + ".sp.example.com", null,
                "standard", "1001"));
        await().atMost(TIMEOUT).ignoreExceptions().until(() -> customerUser("bruce").getStatus().getActivation()
                .getState() == ActivationState.PendingEmailInput);
        capture(CustomerUser.class, "bruce");
        apply(Fixtures.assignment(namespace, "wayne-agents", "wayne", CONTACT_CENTER, LicenseMode.Additive,
                List.of("bruce"), null));
        capture(LicenseAssignment.class, awaitCondition(LicenseAssignment.class, "wayne-agents", Conditions.READY,
                "False"));
    }

    private void rejectedCredentials() {
        client.resource(new SecretBuilder().withMetadata(new ObjectMetaBuilder().withName("old-token")
                .withNamespace(namespace).build()).addToStringData("token", "revoked-token").build()).create();
        PartnerConnection old = Fixtures.connection(namespace, "old", hubUrl + "/v1", WebexModel.WHOLESALE);
        SecretKeyRef ref = new SecretKeyRef();
        ref.setName("old-token");
        old.getSpec().setCredentialsSecretRef(ref);
        apply(old);
        capture(PartnerConnection.class, awaitCondition(PartnerConnection.class, "old", Conditions.STALLED, "True"));
    }

    /** A Customer deleted before its users: it waits, with its finalizer, until they are gone. */
    private void customerBeingDeleted() {
        apply(wholesaleCustomer(namespace, "umbrella", "hub", "webex_meetings"));
        awaitCondition(Customer.class, "umbrella", Conditions.READY, "True");
        apply(user(namespace, "lee", "umbrella", "lee@umbrella.example.com", "webex_meetings", null));
        awaitCondition(CustomerUser.class, "lee", Conditions.READY, "True");
        client.resources(Customer.class).inNamespace(namespace).withName("umbrella").delete();
        await().atMost(TIMEOUT).until(() -> customer("umbrella").getMetadata().getDeletionTimestamp() != null
                && !Conditions.isTrue(customer("umbrella").getStatus(), Conditions.READY));
        capture(Customer.class, "umbrella");
    }

    /** The provider answers 503 for a while: the connection and a user with something to send say so. */
    private void outage() {
        hub().addFault(new ObjectMapper().createObjectNode().put("pathPrefix", "/v1/").put("status", 503)
                .put("seconds", 20));
        edit(CustomerUser.class, "alice", u -> u.getSpec().setLastName("Outage"));
        capture(PartnerConnection.class, awaitCondition(PartnerConnection.class, "hub", Conditions.READY, "False"));
        capture(CustomerUser.class, awaitCondition(CustomerUser.class, "alice", Conditions.SYNCED, "False"));
    }
}
