package dev.partnerhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.e2e.kube.ControlPlane;
import dev.partnerhub.e2e.kube.RealKubernetes;
import dev.partnerhub.e2e.support.AuditLog;
import dev.partnerhub.e2e.support.Project;
import dev.partnerhub.e2e.support.RulesInUse;
import dev.partnerhub.e2e.support.Stack;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The chart with {@code watchNamespaces} on a real API server: the operator's rights are Roles in the watched
 * namespace (and a ClusterRole that only lists and watches namespaces), it converges the samples and deletes them
 * with those rights, and the audit log shows that it used every one of them and was refused nothing.
 */
@RealKubernetes
class ChartWatchingNamespacesOnRealApiTest {

    private static final String RELEASE_NAMESPACE = "partnerhub-system";
    private static final String OPERATOR = "system:serviceaccount:" + RELEASE_NAMESPACE + ":partnerhub-operator";

    @Test
    void theOperatorWithRolesInTheWatchedNamespaceOnlyConvergesTheSamplesWithExactlyTheRulesItUses(
            ControlPlane plane) throws Exception {
        assertThat(plane.kubectl("create", "namespace", Stack.SAMPLES_NAMESPACE).exitCode()).isZero();
        String rendered = Project.installChart(plane, RELEASE_NAMESPACE,
                Map.of("watchNamespaces[0]", Stack.SAMPLES_NAMESPACE));
        List<HasMetadata> objects = plane.admin().load(new ByteArrayInputStream(rendered.getBytes(
                StandardCharsets.UTF_8))).items();
        assertThat(objects).filteredOn(ClusterRole.class::isInstance).extracting(o -> o.getMetadata().getName())
                .containsExactly("partnerhub-operator-namespaces");
        assertThat(objects).filteredOn(Role.class::isInstance).extracting(o -> o.getMetadata().getNamespace())
                .containsExactlyInAnyOrder(Stack.SAMPLES_NAMESPACE, RELEASE_NAMESPACE);

        String token = Project.token(plane, RELEASE_NAMESPACE, "partnerhub-operator");
        Map<String, String> env = new HashMap<>(Map.of("PARTNERHUB_LEADER_ELECTION_NAMESPACE", RELEASE_NAMESPACE));
        // What the chart's Deployment passes with watchNamespaces (ChartTest checks that it does).
        for (String kind : List.of("PARTNERCONNECTION", "CUSTOMER", "CUSTOMERUSER", "LICENSEASSIGNMENT")) {
            env.put("QUARKUS_OPERATOR_SDK_CONTROLLERS_" + kind + "_NAMESPACES", Stack.SAMPLES_NAMESPACE);
        }
        try (Stack stack = Stack.start(plane, plane.kubeconfigWithToken("partnerhub-operator", token), env)) {
            stack.applySamples();
            stack.awaitSamplesReady();
            // Deletion exercises the finalizers with the Role's rights, a person's approval of globex's detach
            // included (BroadWorks keeps a configuration that no API removes).
            String kinds = "licenseassignments,customerusers,customers,partnerconnections";
            ControlPlane.Kubectl.Result deleting = plane.kubectl("-n", Stack.SAMPLES_NAMESPACE, "delete", kinds,
                    "--all", "--wait=false");
            assertThat(deleting.exitCode()).as(deleting.output()).isZero();
            assertThat(plane.kubectl("-n", Stack.SAMPLES_NAMESPACE, "annotate", "customer/globex",
                    "partnerhub.dev/detach-done=yes").exitCode()).isZero();
            ControlPlane.Kubectl.Result deleted = plane.kubectl("-n", Stack.SAMPLES_NAMESPACE, "wait", kinds,
                    "--all", "--for=delete", "--timeout=120s");
            assertThat(deleted.exitCode()).as(deleted.output()).isZero();
            assertThat(stack.operator().log()).doesNotContain("Forbidden").doesNotContain(" 403");
        }

        RulesInUse.assertGrantedIsUsed(RulesInUse.grantedBy(objects), AuditLog.of(plane.auditLog(), OPERATOR));
    }
}
