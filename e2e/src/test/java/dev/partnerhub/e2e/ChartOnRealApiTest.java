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
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The Helm chart on a real API server: every rendered object is accepted, the operator runs with the chart's
 * service account (a token from TokenRequest) and converges the samples, and its ClusterRole grants exactly what
 * the operator used, as the API server's audit log shows: no request refused, no permission unused.
 */
@RealKubernetes
class ChartOnRealApiTest {

    private static final String RELEASE_NAMESPACE = "partnerhub-system";
    private static final String OPERATOR = "system:serviceaccount:" + RELEASE_NAMESPACE + ":partnerhub-operator";

    @Test
    void theOperatorUnderTheChartsServiceAccountConvergesTheSamplesWithExactlyTheRulesItUses(ControlPlane plane)
            throws Exception {
        String rendered = new Helm(Project.CHART).template().withName("partnerhub").withNamespace(RELEASE_NAMESPACE)
                .call();
        Path chart = plane.work().resolve("chart.yaml");
        Files.writeString(chart, rendered);
        assertThat(plane.kubectl("create", "namespace", RELEASE_NAMESPACE).exitCode()).isZero();
        // As helm install does: the chart's crds/ first, then its rendered templates.
        ControlPlane.Kubectl.Result crds = plane.kubectl("apply", "-f", Project.CHART.resolve("crds").toString());
        assertThat(crds.exitCode()).as(crds.output()).isZero();
        ControlPlane.Kubectl.Result applied = plane.kubectl("apply", "-n", RELEASE_NAMESPACE, "-f", chart.toString());
        assertThat(applied.exitCode()).as(applied.output()).isZero();
        List<HasMetadata> objects = plane.admin().load(new ByteArrayInputStream(rendered.getBytes(
                StandardCharsets.UTF_8))).items();
        assertThat(objects).extracting(HasMetadata::getKind).containsExactlyInAnyOrder("ServiceAccount", "ClusterRole",
                "ClusterRoleBinding", "Deployment", "Service");
        assertThat(applied.output().lines().filter(l -> l.endsWith(" created"))).hasSize(objects.size());
        ControlPlane.Kubectl.Result established = plane.kubectl("wait", "--for=condition=Established", "crd", "--all",
                "--timeout=60s");
        assertThat(established.exitCode()).as(established.output()).isZero();

        String token = plane.admin().serviceAccounts().inNamespace(RELEASE_NAMESPACE).withName("partnerhub-operator")
                .tokenRequest(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(3600L).endSpec().build())
                .getStatus().getToken();
        try (Stack stack = Stack.start(plane, plane.kubeconfigWithToken("partnerhub-operator", token))) {
            stack.applySamples();
            stack.awaitSamplesReady();
            // Deletion exercises the finalizers: the operator's own and the one holding the credentials Secret.
            ControlPlane.Kubectl.Result deleted = plane.kubectl("delete", "namespace", "partnerhub-demo",
                    "--timeout=120s");
            assertThat(deleted.exitCode()).as(deleted.output()).isZero();
            assertThat(stack.operator().log()).doesNotContain("Forbidden").doesNotContain(" 403");
        }

        ClusterRole role = objects.stream().filter(ClusterRole.class::isInstance).map(ClusterRole.class::cast)
                .findFirst().orElseThrow();
        Set<AuditLog.Access> granted = AuditLog.granted(role);
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
     * its client is not cached yet (a reconcile that comes before the connection's first probe).
     */
    private static final Set<AuditLog.Access> ON_RARE_PATHS = Set.of(
            new AuditLog.Access("partnerhub.dev", "partnerconnections", "get"),
            new AuditLog.Access("partnerhub.dev", "customers", "get"),
            new AuditLog.Access("partnerhub.dev", "customerusers", "get"));

    /** The ClusterRole grants what the operator used, and nothing it did not. */
    static void assertRulesMatchUse(Set<AuditLog.Access> granted, AuditLog log) {
        assertThat(log.refused()).as("requests the API server refused the operator (the ClusterRole lacks them)")
                .isEmpty();
        Set<AuditLog.Access> missing = new TreeSet<>(log.used());
        missing.removeAll(granted);
        assertThat(missing).as("permissions the operator used that the ClusterRole does not grant").isEmpty();
        assertThat(granted).as("permissions the operator needs on rare paths").containsAll(ON_RARE_PATHS);
        Set<AuditLog.Access> unused = new TreeSet<>(granted);
        unused.removeAll(log.used());
        unused.removeAll(ON_RARE_PATHS);
        assertThat(unused).as("permissions the ClusterRole grants that the operator never used; remove them from "
                + "operator/src/main/kubernetes/kubernetes.yml").isEmpty();
    }
}
