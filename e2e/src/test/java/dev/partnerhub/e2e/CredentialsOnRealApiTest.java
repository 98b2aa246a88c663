package dev.partnerhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partnerhub.e2e.kube.ControlPlane;
import dev.partnerhub.e2e.kube.RealKubernetes;
import dev.partnerhub.e2e.support.Project;
import dev.partnerhub.e2e.support.Stack;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A Webex integration's credentials on a real API server: the operator renews the access token and writes it into the
 * connection's Secret (a merge patch that names the resourceVersion it read), and keeps converging past the token's
 * lifetime on the hub's clock. The real server refuses such a patch once the Secret changed: the lock two replicas
 * renewing at once rely on.
 */
@RealKubernetes
class CredentialsOnRealApiTest {

    private static final String NS = "oauth-demo";
    private static Stack stack;

    @BeforeAll
    static void start(ControlPlane plane) throws Exception {
        Project.installCrds(plane);
        stack = Stack.start(plane, plane.adminKubeconfig());
    }

    @AfterAll
    static void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void anIntegrationsRenewedTokensGoIntoItsSecretAndUsersConvergePastTheTokensLifetime(ControlPlane plane) {
        JsonNode client = stack.hubAdmin().registerOAuthClient("webex", null);
        String refresh = stack.hubAdmin().signIn(client.path("clientId").asText(), null);
        apply(plane, "oauth", """
                apiVersion: v1
                kind: Namespace
                metadata: {name: %s}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: webex-oauth, namespace: %s}
                stringData: {clientId: %s, clientSecret: %s, refreshToken: %s}
                ---
                apiVersion: partnerhub.dev/v1alpha1
                kind: PartnerConnection
                metadata: {name: wholesale, namespace: %s}
                spec:
                  provider: webex
                  endpoint: %s
                  credentialsSecretRef: {name: webex-oauth}
                ---
                apiVersion: partnerhub.dev/v1alpha1
                kind: Customer
                metadata: {name: initech, namespace: %s}
                spec:
                  connectionRef: {name: wholesale}
                  externalId: initech-oauth
                  displayName: Initech
                  primaryEmail: it@initech.example.com
                  provisioningId: local-trusted
                  packages: [webex_meetings]
                  address: {addressLine1: 1 Initech Way, city: Austin, country: US}
                """.formatted(NS, NS, client.path("clientId").asText(), client.path("clientSecret").asText(), refresh,
                NS, stack.hub().apiUrl(), NS));
        wait(plane, "partnerconnection/wholesale", "condition=Ready");
        assertThat(plane.kubectl("-n", NS, "get", "partnerconnection", "wholesale", "-o",
                "jsonpath={.status.credentials.kind}").output()).isEqualTo("RefreshToken");
        String firstAccess = secret(plane, "accessToken");
        assertThat(firstAccess).isNotBlank();
        wait(plane, "customer/initech", "condition=Ready");

        stack.hubAdmin().advanceClock(Duration.ofDays(15));
        apply(plane, "user", """
                apiVersion: partnerhub.dev/v1alpha1
                kind: CustomerUser
                metadata: {name: peter, namespace: %s}
                spec:
                  customerRef: {name: initech}
                  email: peter@initech.example.com
                  package: webex_meetings
                """.formatted(NS));
        wait(plane, "customeruser/peter", "condition=Ready");
        assertThat(secret(plane, "accessToken")).isNotEqualTo(firstAccess);
        assertThat(secret(plane, "refreshToken")).isEqualTo(refresh);
        assertThat(plane.kubectl("-n", NS, "get", "partnerconnection", "wholesale", "-o", "yaml").output())
                .doesNotContain(refresh).doesNotContain(firstAccess);
    }

    @Test
    void aMergePatchNamingAnOldResourceVersionIsRefused(ControlPlane plane) {
        apply(plane, "lock", """
                apiVersion: v1
                kind: Namespace
                metadata: {name: lock-demo}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: locked, namespace: lock-demo}
                stringData: {refreshToken: first}
                """);
        var client = plane.admin();
        String read = client.secrets().inNamespace("lock-demo").withName("locked").get().getMetadata()
                .getResourceVersion();
        client.secrets().inNamespace("lock-demo").withName("locked").edit(s -> {
            s.getMetadata().setLabels(java.util.Map.of("changed", "yes"));
            return s;
        });
        String stale = "{\"metadata\":{\"resourceVersion\":\"" + read + "\"},\"data\":{\"refreshToken\":\""
                + Base64.getEncoder().encodeToString("second".getBytes(StandardCharsets.UTF_8)) + "\"}}";
        assertThatThrownBy(() -> client.secrets().inNamespace("lock-demo").withName("locked").patch(
                io.fabric8.kubernetes.client.dsl.base.PatchContext.of(
                        io.fabric8.kubernetes.client.dsl.base.PatchType.JSON_MERGE), stale))
                .isInstanceOfSatisfying(io.fabric8.kubernetes.client.KubernetesClientException.class,
                        e -> assertThat(e.getCode()).isEqualTo(409));
    }

    private static String secret(ControlPlane plane, String key) {
        String encoded = plane.kubectl("-n", NS, "get", "secret", "webex-oauth", "-o", "jsonpath={.data." + key + "}")
                .output();
        return new String(Base64.getDecoder().decode(encoded.trim()), StandardCharsets.UTF_8);
    }

    private static void apply(ControlPlane plane, String name, String yaml) {
        ControlPlane.Kubectl.Result result = Project.apply(plane, name, yaml);
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    private static void wait(ControlPlane plane, String resource, String condition) {
        ControlPlane.Kubectl.Result result = plane.kubectl("-n", NS, "wait", resource, "--for=" + condition,
                "--timeout=120s");
        assertThat(result.exitCode()).as(resource + " " + condition + ": " + result.output()
                + plane.kubectl("get", "partnerhub", "-A", "-o", "yaml").output()).isZero();
    }
}
