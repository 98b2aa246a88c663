package dev.partnerhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.e2e.kube.ControlPlane;
import dev.partnerhub.e2e.kube.RealKubernetes;
import dev.partnerhub.e2e.support.Project;
import dev.partnerhub.e2e.support.Stack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A platform team deletes the namespace that holds a PartnerConnection while a tenant's Customer in another
 * namespace still uses it: the connection and its Secret stay, saying who holds them, the tenant's Customer keeps
 * working, and the namespace goes as soon as the tenant's Customer is deleted.
 */
@RealKubernetes
class ConnectionHeldTest {

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
    void aConnectionUsedFromAnotherNamespaceHoldsItsNamespaceUntilTheTenantsCustomerIsGone(ControlPlane plane) {
        apply(plane, "accounts", """
                apiVersion: v1
                kind: Namespace
                metadata: {name: provider-accounts}
                ---
                apiVersion: v1
                kind: Namespace
                metadata: {name: tenant-a, labels: {partnerhub.dev/tenant: "yes"}}
                ---
                apiVersion: v1
                kind: Secret
                metadata: {name: hub-token, namespace: provider-accounts}
                stringData: {token: %s}
                ---
                apiVersion: partnerhub.dev/v1alpha1
                kind: PartnerConnection
                metadata: {name: shared, namespace: provider-accounts}
                spec:
                  provider: webex
                  endpoint: %s
                  credentialsSecretRef: {name: hub-token}
                  allowedNamespaces: {matchLabels: {partnerhub.dev/tenant: "yes"}}
                """.formatted(stack.hub().token(), stack.hub().apiUrl()));
        apply(plane, "tenant", customer("tenant-co") + user("ada"));
        wait(plane, "tenant-a", "customeruser/ada", "condition=Ready");
        String customerId = plane.kubectl("-n", "tenant-a", "get", "customer", "tenant-co", "-o",
                "jsonpath={.status.customerId}").output();

        assertThat(plane.kubectl("delete", "namespace", "provider-accounts", "--wait=false").exitCode()).isZero();
        wait(plane, "provider-accounts", "partnerconnection/shared", "jsonpath={.status.conditions[?(@.type=="
                + "\"Stalled\")].reason}=InUse");
        String held = plane.kubectl("-n", "provider-accounts", "get", "partnerconnection", "shared", "-o",
                "jsonpath={.status.conditions[?(@.type==\"Stalled\")].message}").output();
        assertThat(held).contains("tenant-a/tenant-co");
        assertThat(plane.kubectl("get", "namespace", "provider-accounts", "-o", "jsonpath={.status.phase}").output())
                .isEqualTo("Terminating");
        assertThat(plane.kubectl("-n", "provider-accounts", "get", "secret", "hub-token", "-o",
                "jsonpath={.metadata.finalizers}").output()).contains("partnerhub.dev/credentials-of.shared");

        // The tenant's customer keeps working on the held connection: a new user is provisioned.
        apply(plane, "grace", user("grace"));
        wait(plane, "tenant-a", "customeruser/grace", "condition=Ready");

        assertThat(plane.kubectl("-n", "tenant-a", "delete", "customerusers,customers", "--all", "--wait=false")
                .exitCode()).isZero();
        wait(plane, "", "namespace/provider-accounts", "delete");
        assertThat(stack.hubRecords("wholesaleCustomers")).noneMatch(c -> customerId.equals(c.path("id").asText()));
        assertThat(stack.hubRecords("wholesaleSubscribers")).noneMatch(s -> customerId.equals(
                s.path("customerId").asText()));
    }

    private static String customer(String name) {
        return """
                apiVersion: partnerhub.dev/v1alpha1
                kind: Customer
                metadata: {name: %s, namespace: tenant-a}
                spec:
                  connectionRef: {name: shared, namespace: provider-accounts}
                  externalId: %s-0001
                  displayName: Tenant Co
                  primaryEmail: it@tenant.example.com
                  provisioningId: local-trusted
                  packages: [webex_meetings]
                  address: {addressLine1: 1 Main St, city: Austin, country: US}
                ---
                """.formatted(name, name);
    }

    private static String user(String name) {
        return """
                apiVersion: partnerhub.dev/v1alpha1
                kind: CustomerUser
                metadata: {name: %s, namespace: tenant-a}
                spec:
                  customerRef: {name: tenant-co}
                  email: %s@tenant.example.com
                  package: webex_meetings
                """.formatted(name, name);
    }

    private static void apply(ControlPlane plane, String name, String yaml) {
        ControlPlane.Kubectl.Result result = Project.apply(plane, name, yaml);
        assertThat(result.exitCode()).as(result.output()).isZero();
    }

    private static void wait(ControlPlane plane, String namespace, String resource, String condition) {
        ControlPlane.Kubectl.Result result = namespace.isEmpty()
                ? plane.kubectl("wait", resource, "--for=" + condition, "--timeout=120s")
                : plane.kubectl("-n", namespace, "wait", resource, "--for=" + condition, "--timeout=120s");
        assertThat(result.exitCode()).as(resource + " " + condition + ": " + result.output()
                + plane.kubectl("get", "partnerhub", "-A", "-o", "yaml").output()).isZero();
    }
}
