package dev.partnerhub.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partnerhub.cli.local.OperatorProcess;
import dev.partnerhub.cli.local.Samples;
import dev.partnerhub.e2e.kube.ControlPlane;
import dev.partnerhub.sandbox.HubAdminClient;
import dev.partnerhub.sandbox.HubSettings;
import dev.partnerhub.sandbox.LocalPartnerHub;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
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
    private final OperatorProcess operator;

    private Stack(ControlPlane plane, LocalPartnerHub hub, OperatorProcess operator) {
        this.plane = plane;
        this.hub = hub;
        this.operator = operator;
    }

    /** Starts a hub and the operator, which reaches the API server with {@code kubeconfig}. */
    public static Stack start(ControlPlane plane, Path kubeconfig) throws IOException {
        LocalPartnerHub hub = LocalPartnerHub.start(HubSettings.defaults()
                .withDelays(Duration.ofMillis(300), Duration.ofMillis(200)));
        try {
            OperatorProcess operator = OperatorProcess.start(Project.OPERATOR_JAR,
                    plane.work().resolve("operator.log"), Map.of(
                            "KUBECONFIG", kubeconfig.toString(),
                            // Production intervals, but for the waits that a test plays through in seconds.
                            "PARTNERHUB_POLLING_PENDING", "2s",
                            "PARTNERHUB_POLLING_BLOCKED", "5s"));
            return new Stack(plane, hub, operator);
        } catch (IOException | RuntimeException e) {
            hub.close();
            throw e;
        }
    }

    public LocalPartnerHub hub() {
        return hub;
    }

    public HubAdminClient hubAdmin() {
        return new HubAdminClient(hub.url());
    }

    public OperatorProcess operator() {
        return operator;
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
        try {
            Path dir = plane.work().resolve("samples");
            Samples.writeRetargeted(Project.SAMPLES, hub.apiUrl(), dir);
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
        operator.close();
        hub.close();
    }
}
