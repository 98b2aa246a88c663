package dev.partnerhub.e2e.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import dev.partnerhub.e2e.kube.ControlPlane;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The project's own artefacts as a user gets them: the committed CRDs, the samples, the chart, the built operator. */
public final class Project {

    public static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    public static final Path CRDS = ROOT.resolve("crds");
    public static final Path SAMPLES = ROOT.resolve("samples");
    public static final Path CHART = ROOT.resolve("helm/partnerhub-operator");
    public static final Path OPERATOR_JAR = ROOT.resolve("operator/target/quarkus-app/quarkus-run.jar");
    /** The operator's image as Maven builds it (mvn -Pimage,debian-base package), and the name the chart asks for. */
    public static final Path IMAGE = ROOT.resolve("image/target/partnerhub-operator-image.tar");
    public static final String IMAGE_NAME = "docker.io/partnerhub/partnerhub-operator:0.1.0-SNAPSHOT";

    private Project() {
    }

    /** {@code kubectl apply -f crds/} and waits until every CRD is Established. */
    public static void installCrds(ControlPlane plane) {
        ControlPlane.Kubectl.Result apply = plane.kubectl("apply", "-f", CRDS.toString());
        assertThat(apply.exitCode()).as(apply.output()).isZero();
        ControlPlane.Kubectl.Result established = plane.kubectl("wait", "--for=condition=Established", "crd", "--all",
                "--timeout=60s");
        assertThat(established.exitCode()).as(established.output()).isZero();
    }

    /** The chart's release name in these tests: the chart's objects are then named partnerhub-operator. */
    public static final String RELEASE = "partnerhub-operator";
    /** The API server's version, for Helm's library (it renders for Kubernetes 1.20 unless told). */
    public static final String KUBE_VERSION = "1.34.2";

    /**
     * Installs the chart's rendered objects into {@code namespace} (created here), CRDs included, as {@code helm
     * install} would, and waits until the CRDs are Established. Returns the rendered objects.
     */
    public static String installChart(ControlPlane plane, String namespace) {
        return installChart(plane, namespace, Map.of());
    }

    /** The same with {@code values} set as {@code helm --set} would. */
    public static String installChart(ControlPlane plane, String namespace, Map<String, String> values) {
        try {
            TemplateCommand template = new Helm(CHART).template().withName(RELEASE).withNamespace(namespace)
                    .withKubeVersion(KUBE_VERSION);
            values.forEach(template::set);
            String rendered = template.call();
            Path chart = plane.work().resolve("chart-" + namespace + ".yaml");
            Files.writeString(chart, rendered);
            ControlPlane.Kubectl.Result created = plane.kubectl("create", "namespace", namespace);
            assertThat(created.exitCode()).as(created.output()).isZero();
            ControlPlane.Kubectl.Result applied = plane.kubectl("apply", "-f", chart.toString());
            assertThat(applied.exitCode()).as(applied.output()).isZero();
            ControlPlane.Kubectl.Result established = plane.kubectl("wait", "--for=condition=Established", "crd",
                    "--all", "--timeout=60s");
            assertThat(established.exitCode()).as(established.output()).isZero();
            return rendered;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One more service account with the chart's rights (its ClusterRole and leader election's Role): another
     * replica.
     */
    public static void serviceAccountLikeTheChart(ControlPlane plane, String namespace, String name) {
        assertThat(plane.kubectl("-n", namespace, "create", "serviceaccount", name).exitCode()).isZero();
        assertThat(plane.kubectl("create", "clusterrolebinding", name, "--clusterrole=partnerhub-operator",
                "--serviceaccount=" + namespace + ":" + name).exitCode()).isZero();
        assertThat(plane.kubectl("-n", namespace, "create", "rolebinding", name,
                "--role=partnerhub-operator-leader-election", "--serviceaccount=" + namespace + ":" + name)
                .exitCode()).isZero();
    }

    /** A token of a service account, from TokenRequest, valid for an hour. */
    public static String token(ControlPlane plane, String namespace, String serviceAccount) {
        return plane.admin().serviceAccounts().inNamespace(namespace).withName(serviceAccount)
                .tokenRequest(new TokenRequestBuilder().withNewSpec().withExpirationSeconds(3600L).endSpec().build())
                .getStatus().getToken();
    }

    /** Writes a manifest into the control plane's work directory and {@code kubectl apply}s it as is. */
    public static ControlPlane.Kubectl.Result apply(ControlPlane plane, String name, String yaml) {
        try {
            Path file = plane.work().resolve("manifests").resolve(name + ".yaml");
            Files.createDirectories(file.getParent());
            Files.writeString(file, yaml);
            return plane.kubectl("apply", "-f", file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
