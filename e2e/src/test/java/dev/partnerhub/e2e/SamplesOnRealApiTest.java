package dev.partnerhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partnerhub.e2e.kube.ControlPlane;
import dev.partnerhub.e2e.kube.RealKubernetes;
import dev.partnerhub.e2e.support.Project;
import dev.partnerhub.e2e.support.Stack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The samples, as a new user applies them with kubectl, converge with the built operator on a real API server;
 * {@code kubectl wait --for=condition=Ready} works for every kind; deleting their namespace finishes, and the hub
 * keeps exactly what a deletionPolicy of Orphan keeps (and a Partner Center tenant, whose users are soft-deleted).
 */
@RealKubernetes
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SamplesOnRealApiTest {

    private static final String NS = "partnerhub-demo";
    /** Besides the samples: a Customer whose deletionPolicy keeps it, and its users, in the hub. */
    private static final String KEPT = """
            apiVersion: partnerhub.dev/v1alpha1
            kind: Customer
            metadata: {name: initech, namespace: partnerhub-demo}
            spec:
              connectionRef: {name: wholesale}
              externalId: initech-0001
              displayName: Initech
              primaryEmail: it@initech.example.com
              provisioningId: local-trusted
              packages: [webex_meetings]
              address: {addressLine1: 1 Initech Way, city: Austin, country: US}
              deletionPolicy: Orphan
            ---
            apiVersion: partnerhub.dev/v1alpha1
            kind: CustomerUser
            metadata: {name: peter, namespace: partnerhub-demo}
            spec:
              customerRef: {name: initech}
              email: peter@initech.example.com
              package: webex_meetings
            """;

    private static Stack stack;

    @BeforeAll
    static void applyTheSamples(ControlPlane plane) throws Exception {
        Project.installCrds(plane);
        // As the chart runs it with logFormat: json.
        stack = Stack.start(plane, plane.adminKubeconfig(), Map.of("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true"));
        stack.applySamples();
        ControlPlane.Kubectl.Result kept = Project.apply(plane, "kept", KEPT);
        assertThat(kept.exitCode()).as(kept.output()).isZero();
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    @Order(1)
    void everySampleConvergesAndKubectlWaitForReadySucceedsForEveryKind() {
        stack.awaitSamplesReady();
        assertThat(stack.operator().isAlive()).isTrue();
    }

    @Test
    @Order(2)
    void withJsonLogsEveryLineParsesAndEveryReconcileLineNamesItsResource() {
        ObjectMapper json = new ObjectMapper();
        List<String> notJson = new ArrayList<>();
        List<JsonNode> reconcileLines = new ArrayList<>();
        List<String> unnamed = new ArrayList<>();
        for (String line : stack.operator().log().lines().toList()) {
            JsonNode entry;
            try {
                entry = json.readTree(line);
            } catch (JsonProcessingException e) {
                notJson.add(line);
                continue;
            }
            String thread = entry.path("threadName").asText();
            if (thread.startsWith("ReconcilerExecutor-") || thread.startsWith("reconciler-")) {
                reconcileLines.add(entry);
                JsonNode mdc = entry.path("mdc");
                if (mdc.path("kind").asText().isEmpty() || mdc.path("namespace").asText().isEmpty()
                        || mdc.path("name").asText().isEmpty() || mdc.path("reconcileId").asText().isEmpty()) {
                    unnamed.add(line);
                }
            }
        }
        assertThat(notJson).as("lines of the operator's output that are not JSON").isEmpty();
        assertThat(reconcileLines).as("lines written by reconciles").isNotEmpty();
        assertThat(unnamed).as("reconcile lines without kind, namespace, name and reconcileId").isEmpty();
        assertThat(reconcileLines).as("a user's line names its connection, found through its Customer")
                .anySatisfy(l -> assertThat(l.path("mdc").path("kind").asText()).isEqualTo("CustomerUser"))
                .filteredOn(l -> l.path("mdc").path("kind").asText().equals("CustomerUser"))
                .allSatisfy(l -> assertThat(l.path("mdc").path("connection").asText()).isNotEmpty());
    }

    @Test
    @Order(3)
    void kubectlDescribeTellsAUsersStepsAndARefusedEditAsEvents(ControlPlane plane) {
        ControlPlane.Kubectl.Result edit = plane.kubectl("-n", NS, "patch", "customeruser", "dana", "--type=merge",
                "-p", "{\"spec\":{\"email\":\"dana.diaz@globex.example.com\"}}");
        assertThat(edit.exitCode()).as(edit.output()).isZero();
        ControlPlane.Kubectl.Result refused = plane.kubectl("-n", NS, "wait", "customeruser/dana",
                "--for=condition=Stalled", "--timeout=60s");
        assertThat(refused.exitCode()).as(refused.output() + plane.kubectl("-n", NS, "get", "customeruser", "dana",
                "-o", "yaml").output()).isZero();
        String reason = plane.kubectl("-n", NS, "get", "customeruser", "dana", "-o",
                "jsonpath={.status.conditions[?(@.type==\"Stalled\")].reason}").output().strip();

        ControlPlane.Kubectl.Result describe = plane.kubectl("-n", NS, "describe", "customeruser", "dana");
        assertThat(describe.exitCode()).as(describe.output()).isZero();
        String events = describe.output().substring(describe.output().indexOf("Events:"));
        System.out.println("[real-api] kubectl describe customeruser dana, its Events:\n" + events);
        assertThat(events).contains("partnerhub.dev/operator").contains("PendingEmailInput")
                .contains("Provisioned").containsPattern("Warning\\s+" + reason);
        // Put back, so that the namespace's deletion below finds her as the samples declare her.
        assertThat(plane.kubectl("-n", NS, "patch", "customeruser", "dana", "--type=json", "-p",
                "[{\"op\":\"remove\",\"path\":\"/spec/email\"}]").exitCode()).isZero();
    }

    @Test
    @Order(4)
    void deletingTheNamespaceFinishesAndTheHubKeepsExactlyWhatOrphanKeeps(ControlPlane plane) {
        stack.awaitReady("customers");
        String acme = customerId(plane, "acme");
        String initech = customerId(plane, "initech");
        assertThat(subscribersOf(acme)).hasSize(3);
        assertThat(subscribersOf(initech)).hasSize(1);
        assertThat(stack.hubRecords("broadworksSubscribers")).isNotEmpty();
        assertThat(contosoUsers()).extracting(u -> u.path("state").asText()).containsOnly("active").hasSize(2);

        Instant start = Instant.now();
        ControlPlane.Kubectl.Result deleted = plane.kubectl("delete", "namespace", NS, "--timeout=120s");
        Duration took = Duration.between(start, Instant.now());
        assertThat(deleted.exitCode()).as(deleted.output() + describeLeftovers(plane)).isZero();
        assertThat(plane.kubectl("get", "namespace", NS).output()).contains("NotFound");
        System.out.printf("[real-api] kubectl delete namespace %s finished in %.1f s%n", NS, took.toMillis() / 1000.0);

        // Delete (acme, globex): gone with every subscriber, carol's Orphan included (it guards her CustomerUser's
        // own deletion, not her organization's). Orphan (initech): kept, with its users.
        assertThat(stack.hubRecords("wholesaleCustomers")).extracting(c -> c.path("id").asText())
                .containsExactly(initech);
        assertThat(stack.hubRecords("wholesaleSubscribers")).extracting(s -> s.path("email").asText())
                .containsExactly("peter@initech.example.com");
        assertThat(stack.hubRecords("broadworksSubscribers")).isEmpty();
        // Partner Center (contoso): the tenant is the partner's own and stays; its declared users are soft-deleted,
        // restorable for 30 days, and their seats are free again.
        assertThat(stack.hubRecords("partnerCenterTenants")).extracting(t -> t.path("name").asText())
                .contains("Contoso Ltd");
        assertThat(contosoUsers()).extracting(u -> u.path("state").asText()).containsOnly("inactive").hasSize(2);
        assertThat(contoso().path("skus")).allSatisfy(s -> assertThat(s.path("consumedUnits").asInt()).isZero());
    }

    private static JsonNode contoso() {
        return stack.hubRecords("partnerCenterTenants").stream()
                .filter(t -> t.path("name").asText().equals("Contoso Ltd")).findFirst().orElseThrow();
    }

    private static List<JsonNode> contosoUsers() {
        return StreamSupport.stream(contoso().path("users").spliterator(), false).toList();
    }

    private static String customerId(ControlPlane plane, String name) {
        return plane.kubectl("-n", NS, "get", "customer", name, "-o", "jsonpath={.status.customerId}").output();
    }

    private static List<JsonNode> subscribersOf(String customerId) {
        return stack.hubRecords("wholesaleSubscribers").stream()
                .filter(s -> customerId.equals(s.path("customerId").asText())).toList();
    }

    private static String describeLeftovers(ControlPlane plane) {
        return "\n" + plane.kubectl("get", "partnerhub", "-n", NS, "-o", "yaml").output()
                + plane.kubectl("get", "namespace", NS, "-o", "yaml").output();
    }
}
