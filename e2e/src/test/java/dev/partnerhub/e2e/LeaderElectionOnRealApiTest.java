package dev.partnerhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.cli.local.OperatorProcess;
import dev.partnerhub.e2e.kube.ControlPlane;
import dev.partnerhub.e2e.kube.RealKubernetes;
import dev.partnerhub.e2e.support.AuditLog;
import dev.partnerhub.e2e.support.Project;
import dev.partnerhub.e2e.support.Stack;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two replicas of the operator, as during every rolling upgrade, each under its own service account bound to the
 * chart's roles: only the one holding the Lease writes anything; when it dies, the other takes over.
 */
@RealKubernetes
class LeaderElectionOnRealApiTest {

    private static final String NAMESPACE = "partnerhub-system";
    private static final Set<String> WRITES = Set.of("create", "update", "patch", "delete");

    @Test
    void onlyTheLeaderWritesAndTheOtherReplicaTakesOverWhenItDies(ControlPlane plane) throws Exception {
        Project.installChart(plane, NAMESPACE);
        // A second identity with the same rights as the chart's service account.
        Project.serviceAccountLikeTheChart(plane, NAMESPACE, "replica-b");
        Map<String, String> replicaA = Map.of("PARTNERHUB_LEADER_ELECTION_NAMESPACE", NAMESPACE,
                "PARTNERHUB_LEADER_ELECTION_IDENTITY", "replica-a");
        Map<String, String> replicaB = Map.of("PARTNERHUB_LEADER_ELECTION_NAMESPACE", NAMESPACE,
                "PARTNERHUB_LEADER_ELECTION_IDENTITY", "replica-b");
        String userA = "system:serviceaccount:" + NAMESPACE + ":partnerhub-operator";
        String userB = "system:serviceaccount:" + NAMESPACE + ":replica-b";

        try (Stack stack = Stack.start(plane, plane.kubeconfigWithToken("replica-a",
                Project.token(plane, NAMESPACE, "partnerhub-operator")), replicaA)) {
            OperatorProcess b = stack.startOperator(plane.kubeconfigWithToken("replica-b",
                    Project.token(plane, NAMESPACE, "replica-b")), "operator-b", replicaB);
            stack.applySamples();
            stack.awaitSamplesReady();

            String leader = holder(plane);
            assertThat(leader).isIn("replica-a", "replica-b");
            String leaderUser = leader.equals("replica-a") ? userA : userB;
            String followerUser = leader.equals("replica-a") ? userB : userA;
            assertThat(writes(plane, leaderUser)).as("what the leader wrote").isNotEmpty();
            assertThat(writes(plane, followerUser)).as("what the replica that does not hold the Lease wrote")
                    .isEmpty();

            // The leader dies without a word (a node lost, SIGKILL): its Lease expires and the other replica acts.
            OperatorProcess dead = leader.equals("replica-a") ? stack.operator() : b;
            dead.kill();
            ControlPlane.Kubectl.Result edited = plane.kubectl("-n", Stack.SAMPLES_NAMESPACE, "patch", "customeruser",
                    "bob", "--type=merge", "-p",
                    "{\"spec\":{\"package\":\"webex_calling\",\"phoneNumber\":\"+12405550142\"}}");
            assertThat(edited.exitCode()).as(edited.output()).isZero();
            ControlPlane.Kubectl.Result converged = plane.kubectl("-n", Stack.SAMPLES_NAMESPACE, "wait",
                    "customeruser/bob", "--for=jsonpath={.status.package}=webex_calling", "--timeout=90s");
            assertThat(converged.exitCode()).as(converged.output()).isZero();
            assertThat(holder(plane)).isNotEqualTo(leader);
            assertThat(writes(plane, followerUser)).as("what the new leader wrote").isNotEmpty();
        }
    }

    private static String holder(ControlPlane plane) {
        Lease lease = plane.admin().leases().inNamespace(NAMESPACE).withName("partnerhub-operator").get();
        return lease == null ? null : lease.getSpec().getHolderIdentity();
    }

    /** What a user changed through the API, leader election's own Lease aside. */
    private static Set<AuditLog.Access> writes(ControlPlane plane, String user) {
        return AuditLog.of(plane.auditLog(), user).used().stream()
                .filter(a -> WRITES.contains(a.verb()))
                .filter(a -> !a.group().equals("coordination.k8s.io") && !a.group().equals("authorization.k8s.io"))
                .collect(Collectors.toSet());
    }
}
