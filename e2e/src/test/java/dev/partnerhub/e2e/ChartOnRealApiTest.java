package dev.partnerhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partnerhub.e2e.kube.ControlPlane;
import dev.partnerhub.e2e.kube.RealKubernetes;
import dev.partnerhub.e2e.support.AuditLog;
import dev.partnerhub.e2e.support.Project;
import dev.partnerhub.e2e.support.RulesInUse;
import dev.partnerhub.e2e.support.Stack;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The Helm chart on a real API server: every rendered object is accepted, the operator runs with the chart's
 * service account (a token from TokenRequest) and converges the samples, and its ClusterRole and its Role (the
 * leader election Lease) grant exactly what the operator used, as the API server's audit log shows: no request
 * refused, no permission unused.
 */
@RealKubernetes
class ChartOnRealApiTest {

    private static final String RELEASE_NAMESPACE = "partnerhub-system";
    private static final String OPERATOR = "system:serviceaccount:" + RELEASE_NAMESPACE + ":partnerhub-operator";

    @Test
    void theOperatorUnderTheChartsServiceAccountConvergesTheSamplesWithExactlyTheRulesItUses(ControlPlane plane)
            throws Exception {
        String rendered = Project.installChart(plane, RELEASE_NAMESPACE);
        List<HasMetadata> objects = plane.admin().load(new ByteArrayInputStream(rendered.getBytes(
                StandardCharsets.UTF_8))).items();
        assertThat(objects).extracting(HasMetadata::getKind).containsExactlyInAnyOrder("ServiceAccount", "ClusterRole",
                "ClusterRoleBinding", "Role", "RoleBinding", "Deployment", "Service", "PodDisruptionBudget",
                "CustomResourceDefinition", "CustomResourceDefinition", "CustomResourceDefinition",
                "CustomResourceDefinition");
        String token = Project.token(plane, RELEASE_NAMESPACE, "partnerhub-operator");
        // Out of a cluster the pod's namespace is not known: the chart's Deployment passes it the same way.
        try (Stack stack = Stack.start(plane, plane.kubeconfigWithToken("partnerhub-operator", token),
                Map.of("PARTNERHUB_LEADER_ELECTION_NAMESPACE", RELEASE_NAMESPACE))) {
            stack.applySamples();
            stack.awaitSamplesReady();
            // Deletion exercises the finalizers: the operator's own and the one holding the credentials Secret.
            ControlPlane.Kubectl.Result deleted = plane.kubectl("delete", "namespace", "partnerhub-demo",
                    "--timeout=120s");
            assertThat(deleted.exitCode()).as(deleted.output()).isZero();
            assertThat(stack.operator().log()).doesNotContain("Forbidden").doesNotContain(" 403");
        }

        Set<AuditLog.Access> granted = RulesInUse.grantedBy(objects);
        AuditLog log = AuditLog.of(plane.auditLog(), OPERATOR);
        RulesInUse.assertGrantedIsUsed(granted, log);

        // The comparison fails both ways: a permission taken away, and one that nothing uses added.
        AuditLog.Access secretsPatch = new AuditLog.Access("", "secrets", "patch");
        AuditLog.Access customersDelete = new AuditLog.Access("partnerhub.dev", "customers", "delete");
        Set<AuditLog.Access> lacking = new TreeSet<>(granted);
        lacking.remove(secretsPatch);
        assertThatThrownBy(() -> RulesInUse.assertGrantedIsUsed(lacking, log))
                .hasMessageContaining(secretsPatch.toString());
        Set<AuditLog.Access> tooMuch = new TreeSet<>(granted);
        tooMuch.add(customersDelete);
        assertThatThrownBy(() -> RulesInUse.assertGrantedIsUsed(tooMuch, log))
                .hasMessageContaining(customersDelete.toString());
    }
}
