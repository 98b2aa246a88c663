package dev.partnerhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.marcnuri.helm.Helm;
import dev.partnerhub.e2e.kube.ControlPlane;
import dev.partnerhub.e2e.kube.Node;
import dev.partnerhub.e2e.kube.RealKubernetes;
import dev.partnerhub.e2e.support.Project;
import dev.partnerhub.e2e.support.Stack;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.coordination.v1.Lease;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;

/**
 * The operator's image run as the chart's pods on a real node: installed with Helm, it talks to the API server from
 * inside the cluster (its service account's token, host networking: the node's pods reach nothing else), converges
 * the samples against the local hub, carries on after its leader pod is deleted, is upgraded in place, and leaves the
 * CRDs and the custom resources when uninstalled.
 */
@RealKubernetes
class OperatorPodsOnRealNodeTest {

    private static final String NAMESPACE = "partnerhub-system";
    private static final Duration POD_START = Duration.ofMinutes(3);

    @Test
    void theChartsPodsConvergeTheSamplesSurviveTheLeadersDeletionAndAnUpgrade(ControlPlane plane) throws Exception {
        assumeTrue(Node.missing().isEmpty(), () -> Node.missing().orElseThrow());
        assumeTrue(Files.isRegularFile(Project.IMAGE), () -> "no " + Project.IMAGE + "; build it with mvn -B "
                + "-Pimage,debian-base -DskipTests package (the default build makes it where the node can run)");
        KubernetesClient admin = plane.admin();
        try (Node node = Node.start(plane); Stack stack = Stack.hubOnly(plane)) {
            node.importImage(Project.IMAGE, Project.IMAGE_NAME);
            // Host networking (the pods' only way to the API server here) needs a namespace that allows it; every
            // other restricted setting stays (the chart's defaults, checked against restricted by ChartTest).
            admin.namespaces().resource(namespace(NAMESPACE, "privileged")).create();
            Path values = onThisNode(plane);
            new Helm(Project.CHART).install().withName(Project.RELEASE).withNamespace(NAMESPACE)
                    .withKubeConfig(plane.adminKubeconfig()).withKubeVersion(Project.KUBE_VERSION)
                    .withValuesFile(values).call();

            Pod leader = awaitLeaderReady(plane, Optional.empty());
            stack.applySamples();
            stack.awaitSamplesReady();
            // What docs/running-on-a-cluster.md shows a person after the install: every kind with its columns.
            String all = plane.kubectl("get", "partnerhub", "-A").output();
            System.out.println("$ kubectl get partnerhub -A\n" + all);
            assertThat(all).contains("customer.partnerhub.dev/acme").contains("customeruser.partnerhub.dev/alice")
                    .contains("partnerconnection.partnerhub.dev/wholesale").contains("AGE");
            assertThat(admin.pods().inNamespace(NAMESPACE).withName(leader.getMetadata().getName()).getLog())
                    .contains("Leader election on Lease partnerhub-operator");

            admin.pods().inNamespace(NAMESPACE).resource(leader).delete();
            Pod next = awaitLeaderReady(plane, Optional.of(leader.getMetadata().getName()));
            assertThat(next.getMetadata().getName()).isNotEqualTo(leader.getMetadata().getName());
            Project.apply(plane, "new-user", """
                    apiVersion: partnerhub.dev/v1alpha1
                    kind: CustomerUser
                    metadata: {name: after-failover, namespace: partnerhub-demo}
                    spec:
                      customerRef: {name: acme}
                      email: after.failover@acme.example.com
                      firstName: After
                      lastName: Failover
                      package: webex_meetings
                    """);
            stack.awaitReady("customerusers");

            new Helm(Project.CHART).upgrade().withName(Project.RELEASE).withNamespace(NAMESPACE)
                    .withKubeConfig(plane.adminKubeconfig()).withKubeVersion(Project.KUBE_VERSION)
                    .withValuesFile(values).set("logFormat", "json").call();
            Pod upgraded = awaitLeaderReady(plane, Optional.of(next.getMetadata().getName()));
            await().atMost(POD_START).until(() -> admin.pods().inNamespace(NAMESPACE)
                    .withName(upgraded.getMetadata().getName()).getLog().lines().anyMatch(l -> l.startsWith("{")));
            // The connection's token (the samples' Secret) in no log line, plain or JSON, of any pod.
            for (Pod pod : admin.pods().inNamespace(NAMESPACE).list().getItems()) {
                assertThat(admin.pods().inNamespace(NAMESPACE).withName(pod.getMetadata().getName()).getLog())
                        .doesNotContain("local-dev-token");
            }

            Helm.uninstall(Project.RELEASE).withNamespace(NAMESPACE)
                    .withKubeConfig(plane.adminKubeconfig()).call();
            await().atMost(POD_START).until(() -> admin.apps().deployments().inNamespace(NAMESPACE).list().getItems()
                    .isEmpty());
            assertThat(admin.apiextensions().v1().customResourceDefinitions().list().getItems())
                    .as("crds.keep").hasSize(4);
            assertThat(plane.kubectl("-n", Stack.SAMPLES_NAMESPACE, "get", "customerusers", "-o", "name").output())
                    .contains("customeruser.partnerhub.dev/after-failover");
        }
    }

    /**
     * The values this node needs, in a file: host networking on a free port and the API server on loopback (the
     * pods' only way to it here), the imported image, Recreate updates (two pods of one Deployment on one node cannot
     * both hold the host's port: the second waits Pending, and a rolling update would wait for it forever), and the
     * service account's token, CA and namespace mounted as the ServiceAccount admission plugin would: kube-api-test
     * runs the API server without it, as envtest does.
     */
    private static Path onThisNode(ControlPlane plane) throws IOException {
        Path file = plane.work().resolve("values-on-this-node.yaml");
        Files.writeString(file, """
                hostNetwork: true
                port: %d
                image: {pullPolicy: Never}
                strategy: {type: Recreate}
                extraEnv:
                  - {name: KUBERNETES_SERVICE_HOST, value: "127.0.0.1"}
                  - {name: KUBERNETES_SERVICE_PORT, value: "%d"}
                extraVolumes:
                  - name: service-account
                    projected:
                      sources:
                        - serviceAccountToken: {path: token, expirationSeconds: 3607}
                        - configMap: {name: kube-root-ca.crt, items: [{key: ca.crt, path: ca.crt}]}
                        - downwardAPI: {items: [{path: namespace, fieldRef: {fieldPath: metadata.namespace}}]}
                extraVolumeMounts:
                  - {name: service-account, mountPath: /var/run/secrets/kubernetes.io/serviceaccount, readOnly: true}
                """.formatted(freePort(), plane.port()));
        return file;
    }

    /** The pod that holds the Lease (another than {@code notThis}) once it is Ready; what went on if none is. */
    private static Pod awaitLeaderReady(ControlPlane plane, Optional<String> notThis) {
        KubernetesClient admin = plane.admin();
        try {
            return await().atMost(POD_START).until(() -> {
                Lease lease = admin.leases().inNamespace(NAMESPACE).withName(Project.RELEASE).get();
                if (lease == null || lease.getSpec().getHolderIdentity() == null
                        || notThis.map(lease.getSpec().getHolderIdentity()::equals).orElse(false)) {
                    return null;
                }
                Pod pod = admin.pods().inNamespace(NAMESPACE).withName(lease.getSpec().getHolderIdentity()).get();
                return pod != null && ready(pod) ? pod : null;
            }, pod -> pod != null);
        } catch (ConditionTimeoutException e) {
            StringBuilder seen = new StringBuilder(plane.kubectl("-n", NAMESPACE, "get",
                    "deployments,replicasets,pods,leases,events", "-o", "wide").output());
            admin.pods().inNamespace(NAMESPACE).list().getItems().forEach(pod -> seen.append("\n--- log of ")
                    .append(pod.getMetadata().getName()).append(":\n").append(plane.kubectl("-n", NAMESPACE,
                            "logs", pod.getMetadata().getName(), "--tail=40").output()));
            throw new AssertionError("no Ready pod holds the Lease " + Project.RELEASE
                    + notThis.map(n -> " (other than " + n + ")").orElse("") + ":\n" + seen, e);
        }
    }

    private static boolean ready(Pod pod) {
        return pod.getStatus() != null && pod.getStatus().getConditions().stream()
                .anyMatch(c -> c.getType().equals("Ready") && c.getStatus().equals("True"));
    }

    private static Namespace namespace(String name, String podSecurity) {
        return new NamespaceBuilder().withNewMetadata().withName(name)
                .withLabels(Map.of("pod-security.kubernetes.io/enforce", podSecurity)).endMetadata().build();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
