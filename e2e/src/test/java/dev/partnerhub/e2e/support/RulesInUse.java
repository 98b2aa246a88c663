package dev.partnerhub.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.rbac.ClusterRole;
import io.fabric8.kubernetes.api.model.rbac.Role;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;

/**
 * The chart's RBAC rules held against what the operator did, as the API server's audit log shows: no request refused,
 * no permission unused (but those of rare paths, named here with the path).
 */
public final class RulesInUse {

    /**
     * Permissions the operator needs on paths a run may not take: the framework reads a resource again with GET when
     * adding or removing its finalizer meets a conflict, and the operator reads a PartnerConnection with GET when
     * its client is not cached yet (a reconcile that comes before the connection's first probe). The leader election
     * of the framework checks at start-up that it may update Leases (it renews them with a patch) and refuses to
     * start without. An Event's count is patched only when its failure repeats five minutes after it was written.
     */
    private static final Set<AuditLog.Access> ON_RARE_PATHS = Set.of(
            new AuditLog.Access("partnerhub.dev", "partnerconnections", "get"),
            new AuditLog.Access("partnerhub.dev", "customers", "get"),
            new AuditLog.Access("partnerhub.dev", "customerusers", "get"),
            new AuditLog.Access("coordination.k8s.io", "leases", "update"),
            new AuditLog.Access("events.k8s.io", "events", "patch"));

    /**
     * What Kubernetes grants every authenticated user (the system:basic-user role): leader election asks once which
     * rights it has on Leases.
     */
    private static final Set<AuditLog.Access> EVERYONE_MAY = Set.of(
            new AuditLog.Access("authorization.k8s.io", "selfsubjectrulesreviews", "create"));

    private RulesInUse() {
    }

    /** Every permission the ClusterRoles and Roles among {@code objects} grant. */
    public static Set<AuditLog.Access> grantedBy(Collection<HasMetadata> objects) {
        Set<AuditLog.Access> granted = new TreeSet<>();
        objects.stream().filter(ClusterRole.class::isInstance).map(ClusterRole.class::cast)
                .forEach(role -> granted.addAll(AuditLog.granted(role.getRules())));
        objects.stream().filter(Role.class::isInstance).map(Role.class::cast)
                .forEach(role -> granted.addAll(AuditLog.granted(role.getRules())));
        return granted;
    }

    /** The chart's roles grant what the operator used, and nothing it did not. */
    public static void assertGrantedIsUsed(Set<AuditLog.Access> granted, AuditLog log) {
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
