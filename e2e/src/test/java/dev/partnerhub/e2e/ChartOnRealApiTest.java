package dev.partnerhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import dev.partnerhub.e2e.kube.ControlPlane;
import dev.partnerhub.e2e.kube.RealKubernetes;
import dev.partnerhub.e2e.support.AuditLog;
import dev.partnerhub.e2e.support.Project;
import dev.partnerhub.e2e.support.Stack;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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

        Set<AuditLog.Access> granted = new TreeSet<>();
        objects.stream().filter(ClusterRole.class::isInstance).map(ClusterRole.class::cast)
                .forEach(role -> granted.addAll(AuditLog.granted(role.getRules())));
        objects.stream().filter(Role.class::isInstance).map(Role.class::cast)
                .forEach(role -> granted.addAll(AuditLog.granted(role.getRules())));
        AuditLog log = AuditLog.of(plane.auditLog(), OPERATOR);
        assertRulesMatchUse(granted, log);

        // The comparison fails both ways: a permission taken away, and one that nothing uses added.
        AuditLog.Access secretsPatch = new AuditLog.Access("", "secrets", "patch");
        AuditLog.Access customersDelete = new AuditLog.Access("partnerhub.dev", "customers", "delete");
        Set<AuditLog.Access> lacking = new TreeSet<>(granted);
        lacking.remove(secretsPatch);
        assertThatThrownBy(() -> assertRulesMatchUse(lacking, log)).hasMessageContaining(secretsPatch.toString());
        Set<AuditLog.Access> tooMuch = new TreeSet<>(granted);
        tooMuch.add(customersDelete);
        assertThatThrownBy(() -> assertRulesMatchUse(tooMuch, log)).hasMessageContaining(customersDelete.toString());
    }

    /**
     * Permissions the operator needs on paths a run may not take: the framework reads a resource again with GET when
     * adding or removing its finalizer meets a conflict, and the operator reads a PartnerConnection with GET when
     * its client is not cached yet (a reconcile that comes before the connection's first probe). The leader election
     * of the framework checks at start-up that it may update Leases (it renews them with a patch) and refuses to
     * start without.
     */
    private static final Set<AuditLog.Access> ON_RARE_PATHS = Set.of(
            new AuditLog.Access("partnerhub.dev", "partnerconnections", "get"),
            new AuditLog.Access("partnerhub.dev", "customers", "get"),
            new AuditLog.Access("partnerhub.dev", "customerusers", "get"),
            new AuditLog.Access("coordination.k8s.io", "leases", "update"));

    /**
     * What Kubernetes grants every authenticated user (the system:basic-user role): leader election asks once which
     * rights it has on Leases.
     */
    private static final Set<AuditLog.Access> EVERYONE_MAY = Set.of(
            new AuditLog.Access("authorization.k8s.io", "selfsubjectrulesreviews", "create"));

    /** The chart's roles grant what the operator used, and nothing it did not. */
    static void assertRulesMatchUse(Set<AuditLog.Access> granted, AuditLog log) {
        assertThat(log.refused()).as("requests the API server refused the operator (the chart's roles lack them)")
                .isEmpty();
        Set<AuditLog.Access> missing = new TreeSet<>(log.used());
        missing.removeAll(granted);
        missing.removeAll(EVERYONE_MAY);
        assertThat(missing).as("permissions the operator used that the chart's roles do not grant").isEmpty();
        assertThat(granted).as("permissions the operator needs on rare paths").containsAll(ON_RARE_PATHS);
        Set<AuditLog.Access> unused = new TreeSet<>(granted);
        unused.removeAll(log.used());
        unused.removeAll(ON_RARE_PATHS);
        assertThat(unused).as("permissions the chart's roles grant that the operator never used; remove them from "
                + "helm/partnerhub-operator/templates/rbac.yaml").isEmpty();
    }
}
