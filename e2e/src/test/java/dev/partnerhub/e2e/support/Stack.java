package dev.partnerhub.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partnerhub.cli.local.OperatorProcess;
import dev.partnerhub.cli.local.Samples;
import dev.partnerhub.e2e.kube.ControlPlane;
import dev.partnerhub.sandbox.HubAdminClient;
import dev.partnerhub.sandbox.HubSettings;
import dev.partnerhub.sandbox.LocalPartnerHub;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * What runs beside a real control plane in a test: a local partner hub in this JVM, and the built operator as its
 * own process with a kubeconfig (the admin's, or a service account's), as it runs in a cluster.
 */
public final class Stack implements AutoCloseable {

    /** Where the samples live. */
    public static final String SAMPLES_NAMESPACE = "partnerhub-demo";

    private final ControlPlane plane;
    private final LocalPartnerHub hub;
    private final List<OperatorProcess> operators = new ArrayList<>();

    private Stack(ControlPlane plane, LocalPartnerHub hub) {
        this.plane = plane;
        this.hub = hub;
    }

    /** Starts a hub and the operator, which reaches the API server with {@code kubeconfig}. */
    public static Stack start(ControlPlane plane, Path kubeconfig) throws IOException {
        return start(plane, kubeconfig, Map.of());
    }

    /** Starts a hub only: the operator runs elsewhere (as pods on a node). */
    public static Stack hubOnly(ControlPlane plane) throws IOException {
        return new Stack(plane, LocalPartnerHub.start(HubSettings.defaults()
                .withDelays(Duration.ofMillis(300), Duration.ofMillis(200))));
    }

    /** Starts a hub and the operator, configured by {@code env} beyond the defaults. */
    public static Stack start(ControlPlane plane, Path kubeconfig, Map<String, String> env) throws IOException {
        LocalPartnerHub hub = LocalPartnerHub.start(HubSettings.defaults()
                .withDelays(Duration.ofMillis(300), Duration.ofMillis(200)));
        Stack stack = new Stack(plane, hub);
        try {
            stack.startOperator(kubeconfig, "operator", env);
            return stack;
        } catch (IOException | RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    /**
     * Starts one more operator process against the same API server and hub (another replica, or the operator
     * started again after a crash); its log is {@code name}.log in the control plane's work directory.
     */
    public OperatorProcess startOperator(Path kubeconfig, String name, Map<String, String> env) throws IOException {
        Map<String, String> all = new HashMap<>(Map.of(
                "KUBECONFIG", kubeconfig.toString(),
                // Where a Lease may live when no chart says so: the kubeconfig names no namespace.
                "PARTNERHUB_LEADER_ELECTION_NAMESPACE", "default",
                // Production intervals, but for the waits that a test plays through in seconds.
                "PARTNERHUB_POLLING_PENDING", "2s",
                "PARTNERHUB_POLLING_BLOCKED", "5s"));
        all.putAll(env);
        OperatorProcess operator = OperatorProcess.start(Project.OPERATOR_JAR, plane.work().resolve(name + ".log"),
                all);
        operators.add(operator);
        return operator;
    }

    public LocalPartnerHub hub() {
        return hub;
    }

    public HubAdminClient hubAdmin() {
        return new HubAdminClient(hub.url());
    }

    /** The operator the stack started with. */
    public OperatorProcess operator() {
        return operators.get(0);
    }

    /** The hub's records of one kind (wholesaleCustomers, wholesaleSubscribers, broadworksSubscribers, ...). */
    public List<JsonNode> hubRecords(String kind) {
        return StreamSupport.stream(hubAdmin().state().path(kind).spliterator(), false).toList();
    }

    /**
     * {@code kubectl apply -f} on the samples, their PartnerConnections pointed at this stack's hub (what a user does
     * with spec.endpoint for a real account); returns kubectl's output.
     */
    public String applySamples() {
        return applySamples(file -> false, Map.of());
    }

    /** The same, with {@code labels} added to every object of the sample files whose name {@code files} accepts. */
    public String applySamples(Predicate<String> files, Map<String, String> labels) {
        try {
            Path dir = plane.work().resolve("samples");
            for (Path file : Samples.writeRetargeted(Project.SAMPLES, hub.apiUrl(), dir)) {
                if (files.test(file.getFileName().toString())) {
                    List<HasMetadata> objects = plane.admin().load(Files.newInputStream(file)).items();
                    for (HasMetadata o : objects) {
                        Map<String, String> all = new HashMap<>(o.getMetadata().getLabels() == null ? Map.of()
                                : o.getMetadata().getLabels());
                        all.putAll(labels);
                        o.getMetadata().setLabels(all);
                    }
                    Files.writeString(file, objects.stream().map(Serialization::asYaml)
                            .collect(Collectors.joining("\n---\n")));
                }
            }
            ControlPlane.Kubectl.Result result = plane.kubectl("apply", "-f", dir.toString());
            assertThat(result.exitCode()).as(result.output()).isZero();
            return result.output();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Waits until every sample is Ready, with {@code kubectl wait} as a user would, playing the end user of dana
     * (her onboarding template uses untrusted email: she enters and validates it in the activation portal).
     */
    public void awaitSamplesReady() {
        awaitReady("partnerconnections");
        awaitReady("customers");
        ControlPlane.Kubectl.Result pending = plane.kubectl("-n", SAMPLES_NAMESPACE, "wait", "customeruser/dana",
                "--for=jsonpath={.status.activation.state}=PendingEmailInput", "--timeout=60s");
        assertThat(pending.exitCode()).as(pending.output()).isZero();
        hubAdmin().enterEmail("dana@globex.sp.example.com", "dana@globex.example.com");
        hubAdmin().validateEmail("dana@globex.sp.example.com");
        awaitReady("customerusers");
        awaitReady("licenseassignments");
    }

    /** {@code kubectl wait --for=condition=Ready} on every object of a kind in the samples' namespace. */
    public void awaitReady(String kind) {
        ControlPlane.Kubectl.Result result = plane.kubectl("-n", SAMPLES_NAMESPACE, "wait", kind, "--all",
                "--for=condition=Ready", "--timeout=90s");
        assertThat(result.exitCode()).as(result.output() + plane.kubectl("-n", SAMPLES_NAMESPACE, "get", kind,
                "-o", "yaml").output() + "requests the API server refused: " + AuditLog.of(plane.auditLog(),
                "system:serviceaccount:partnerhub-system:partnerhub-operator").refused()).isZero();
    }

    @Override
    public void close() {
        operators.forEach(OperatorProcess::close);
        hub.close();
    }
}
