package dev.partnerhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.e2e.kube.ControlPlane;
import dev.partnerhub.e2e.kube.RealKubernetes;
import dev.partnerhub.e2e.support.AuditLog;
import dev.partnerhub.e2e.support.Project;
import dev.partnerhub.e2e.support.Stack;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two shards of the operator, each under its own service account and Lease: the main replica takes every object
 * without a shard label and writes the PartnerConnections; the other takes the Customer contoso, its users and its
 * licences (labelled {@code partnerhub.dev/shard=contoso}). Each converges its share and writes nothing of the other's;
 * a user whose label does not follow its Customer is told so and created nowhere.
 */
@RealKubernetes
class ShardingOnRealApiTest {

    private static final String NAMESPACE = "partnerhub-system";
    private static final String SHARD_LABEL = "partnerhub.dev/shard";
    private static final Set<String> CONTOSO = Set.of("contoso", "megan", "lars", "business-basic");
    private static final Set<String> SHARDED_KINDS = Set.of("customers", "customerusers", "licenseassignments");

    @Test
    void eachShardConvergesItsShareAndWritesNothingOfTheOther(ControlPlane plane) throws Exception {
        Project.installChart(plane, NAMESPACE);
        Project.serviceAccountLikeTheChart(plane, NAMESPACE, "shard-contoso");
        Map<String, String> main = Map.of("PARTNERHUB_LEADER_ELECTION_NAMESPACE", NAMESPACE,
                "PARTNERHUB_SHARD_SELECTOR", "!" + SHARD_LABEL, "PARTNERHUB_SHARD_COUNT", "2");
        Map<String, String> contoso = Map.of("PARTNERHUB_LEADER_ELECTION_NAMESPACE", NAMESPACE,
                "PARTNERHUB_LEADER_ELECTION_LEASE_NAME", "partnerhub-operator-contoso",
                "PARTNERHUB_SHARD_SELECTOR", SHARD_LABEL + "=contoso", "PARTNERHUB_SHARD_COUNT", "2",
                "PARTNERHUB_SHARD_CONNECTIONS", "false");
        String mainUser = "system:serviceaccount:" + NAMESPACE + ":partnerhub-operator";
        String contosoUser = "system:serviceaccount:" + NAMESPACE + ":shard-contoso";

        try (Stack stack = Stack.start(plane, plane.kubeconfigWithToken("main",
                Project.token(plane, NAMESPACE, "partnerhub-operator")), main)) {
            stack.startOperator(plane.kubeconfigWithToken("shard-contoso",
                    Project.token(plane, NAMESPACE, "shard-contoso")), "operator-contoso", contoso);
            stack.applySamples(file -> file.matches("(08|09|10)-.*"), Map.of(SHARD_LABEL, "contoso"));
            stack.awaitSamplesReady();
            // A user of acme (main shard) labelled for the contoso shard: neither shard may create it.
            ControlPlane.Kubectl.Result stray = Project.apply(plane, "stray.yaml", String.join("\n",
                    "apiVersion: partnerhub.dev/v1alpha1", "kind: CustomerUser", "metadata:", "  name: stray",
                    "  namespace: " + Stack.SAMPLES_NAMESPACE, "  labels:", "    " + SHARD_LABEL + ": contoso",
                    "spec:", "  customerRef:", "    name: acme", "  email: stray@acme.example.com",
                    "  package: webex_meetings", ""));
            assertThat(stray.exitCode()).as(stray.output()).isZero();

            ControlPlane.Kubectl.Result told = plane.kubectl("-n", Stack.SAMPLES_NAMESPACE, "wait", "customeruser/stray",
                    "--for=jsonpath={.status.conditions[?(@.type==\"Ready\")].reason}=CustomerNotFound",
                    "--timeout=60s");
            assertThat(told.exitCode()).as(told.output()).isZero();
            Condition ready = plane.admin().resources(CustomerUser.class).inNamespace(Stack.SAMPLES_NAMESPACE)
                    .withName("stray").get().getStatus().getConditions().stream()
                    .filter(c -> c.getType().equals("Ready")).findFirst().orElseThrow();
            assertThat(ready.getMessage()).contains("Customer " + Stack.SAMPLES_NAMESPACE + "/acme exists in another "
                    + "shard").contains("no " + SHARD_LABEL + " label");
            assertThat(stack.hubRecords("wholesaleSubscribers").toString()).doesNotContain("stray@acme");

            assertThat(holder(plane, "partnerhub-operator")).isNotNull();
            assertThat(holder(plane, "partnerhub-operator-contoso")).as("each shard elects its own leader")
                    .isNotNull();
            Set<String> byContoso = sharded(AuditLog.of(plane.auditLog(), contosoUser).written());
            Set<String> byMain = sharded(AuditLog.of(plane.auditLog(), mainUser).written());
            assertThat(byContoso).as("what the contoso shard wrote").isNotEmpty()
                    .allMatch(w -> CONTOSO.contains(name(w)) || name(w).equals("stray"));
            assertThat(byMain).as("what the main shard wrote").isNotEmpty()
                    .noneMatch(w -> CONTOSO.contains(name(w)) || name(w).equals("stray"));
            assertThat(AuditLog.of(plane.auditLog(), contosoUser).written())
                    .as("the connections are the main shard's to write")
                    .noneMatch(w -> w.startsWith("partnerconnections/status"));
        }
    }

    private static Set<String> sharded(Set<String> written) {
        return written.stream().filter(w -> SHARDED_KINDS.contains(w.substring(0, w.indexOf(' ')).split("/")[0]))
                .collect(Collectors.toSet());
    }

    private static String name(String written) {
        return written.substring(written.indexOf(' ') + 1);
    }

    private static String holder(ControlPlane plane, String name) {
        Lease lease = plane.admin().leases().inNamespace(NAMESPACE).withName(name).get();
        return lease == null ? null : lease.getSpec().getHolderIdentity();
    }
}
