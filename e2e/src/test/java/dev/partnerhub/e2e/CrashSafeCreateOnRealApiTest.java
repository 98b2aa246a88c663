package dev.partnerhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partnerhub.e2e.kube.ControlPlane;
import dev.partnerhub.e2e.kube.RealKubernetes;
import dev.partnerhub.e2e.support.Project;
import dev.partnerhub.e2e.support.Stack;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The operator dies after the provider created a user and before the user's status recorded its ID (the reply was
 * on its way): the operator started again recognises the subscriber as its own create, recorded as pending before
 * the call. One subscriber, the user Ready, never AlreadyExists.
 */
@RealKubernetes
class CrashSafeCreateOnRealApiTest {

    private static final String NAMESPACE = "crash";

    @Test
    void anOperatorKilledBetweenTheCreateAndTheStatusWriteMakesOneSubscriberAndNoAlreadyExists(ControlPlane plane)
            throws Exception {
        Project.installCrds(plane);
        try (Stack stack = Stack.start(plane, plane.adminKubeconfig())) {
            ControlPlane.Kubectl.Result setUp = Project.apply(plane, "crash", """
                    apiVersion: v1
                    kind: Namespace
                    metadata: {name: %1$s}
                    ---
                    apiVersion: v1
                    kind: Secret
                    metadata: {name: hub-token, namespace: %1$s}
                    stringData: {token: %2$s}
                    ---
                    apiVersion: partnerhub.dev/v1alpha1
                    kind: PartnerConnection
                    metadata: {name: hub, namespace: %1$s}
                    spec:
                      provider: webex
                      endpoint: %3$s
                      credentialsSecretRef: {name: hub-token}
                    ---
                    apiVersion: partnerhub.dev/v1alpha1
                    kind: Customer
                    metadata: {name: initech, namespace: %1$s}
                    spec:
                      connectionRef: {name: hub}
                      externalId: initech-crash
                      displayName: Initech
                      primaryEmail: admin@initech.example.com
                      provisioningId: %4$s
                      packages: [webex_meetings]
                      address: {addressLine1: 1 Main St, city: Austin, stateOrProvince: TX, zipOrPostalCode: "78701",
                                country: US}
                    """.formatted(NAMESPACE, stack.hub().token(), stack.hub().apiUrl(),
                    dev.partnerhub.sandbox.HubSettings.TRUSTED_TEMPLATE));
            assertThat(setUp.exitCode()).as(setUp.output()).isZero();
            ControlPlane.Kubectl.Result ready = plane.kubectl("-n", NAMESPACE, "wait", "customer/initech",
                    "--for=condition=Ready", "--timeout=90s");
            assertThat(ready.exitCode()).as(ready.output()).isZero();

            // The hub commits the create at once and holds its reply back a minute: time to kill the operator.
            stack.hubAdmin().addFault(new ObjectMapper().createObjectNode().put("method", "POST")
                    .put("pathPrefix", "/v1/wholesale/subscribers").put("replyDelayMs", 60_000).put("times", 1));
            ControlPlane.Kubectl.Result user = Project.apply(plane, "peter", """
                    apiVersion: partnerhub.dev/v1alpha1
                    kind: CustomerUser
                    metadata: {name: peter, namespace: %s}
                    spec:
                      customerRef: {name: initech}
                      email: peter@initech.example.com
                      firstName: Peter
                      lastName: Gibbons
                      package: webex_meetings
                    """.formatted(NAMESPACE));
            assertThat(user.exitCode()).as(user.output()).isZero();
            await().atMost(Duration.ofSeconds(60)).until(() -> subscribers(stack) == 1);
            JsonNode pending = status(plane);
            assertThat(pending.path("createPending").path("key").asText()).isEqualTo("peter@initech.example.com");
            assertThat(pending.path("userId").isMissingNode()).as("no ID recorded yet: " + pending).isTrue();
            stack.operator().kill();
            stack.hubAdmin().clearFaults();

            stack.startOperator(plane.adminKubeconfig(), "operator-restarted", Map.of());
            ControlPlane.Kubectl.Result converged = plane.kubectl("-n", NAMESPACE, "wait", "customeruser/peter",
                    "--for=condition=Ready", "--timeout=90s");
            assertThat(converged.exitCode()).as(converged.output() + status(plane)).isZero();
            JsonNode status = status(plane);
            assertThat(subscribers(stack)).isEqualTo(1);
            String id = stack.hubRecords("wholesaleSubscribers").stream()
                    .filter(s -> "peter@initech.example.com".equals(s.path("email").asText()))
                    .findFirst().orElseThrow().path("id").asText();
            assertThat(status.path("userId").asText()).isEqualTo(id);
            assertThat(status.path("createPending").isMissingNode()).isTrue();
            assertThat(stack.hubAdmin().requests("POST /v1/wholesale/subscribers")).as("creates sent").isEqualTo(1);
            assertThat(plane.work().resolve("operator-restarted.log")).content().doesNotContain("AlreadyExists");
        }
    }

    private static long subscribers(Stack stack) {
        return stack.hubRecords("wholesaleSubscribers").stream()
                .filter(s -> "peter@initech.example.com".equals(s.path("email").asText())).count();
    }

    private static JsonNode status(ControlPlane plane) throws Exception {
        ControlPlane.Kubectl.Result got = plane.kubectl("-n", NAMESPACE, "get", "customeruser", "peter", "-o",
                "jsonpath={.status}");
        assertThat(got.exitCode()).as(got.output()).isZero();
        return new ObjectMapper().readTree(got.output().isBlank() ? "{}" : got.output());
    }
}
