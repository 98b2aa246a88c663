package dev.partnerhub.e2e.kube;

import static org.awaitility.Awaitility.await;

import io.fabric8.kubeapitest.KubeAPIServer;
import io.fabric8.kubeapitest.KubeAPIServerConfigBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A real Kubernetes control plane on loopback: etcd and kube-apiserver 1.34.2 started by kube-api-test (what
 * {@code @EnableKubeAPIServer} runs), plus the kube-controller-manager that kube-api-test does not start, for
 * namespace deletion, garbage collection and service accounts. The API server writes an audit log of every
 * request made by a service account, so that a test can see which permissions the operator used, and its own log
 * into {@code kube-apiserver.log} beside the controller manager's.
 */
public final class ControlPlane implements AutoCloseable {

    public static final String VERSION = "1.34.2";
    private static final Duration STARTUP = Duration.ofSeconds(60);

    private final Path work;
    private final Path kubeDir;
    private final KubeAPIServer apiServer;
    private final ApiServerLog apiServerLog;
    private final Process controllerManager;
    private final KubernetesClient admin;
    private final String server;

    private ControlPlane(Path work, Path kubeDir, KubeAPIServer apiServer, ApiServerLog apiServerLog,
            Process controllerManager, KubernetesClient admin, String server) {
        this.work = work;
        this.kubeDir = kubeDir;
        this.apiServer = apiServer;
        this.apiServerLog = apiServerLog;
        this.controllerManager = controllerManager;
        this.admin = admin;
        this.server = server;
    }

    /** Where build.sh puts the binaries: {@code KUBE_DIR}, else the build's {@code partnerhub.kube.dir}. */
    public static Path kubeDir() {
        String env = System.getenv("KUBE_DIR");
        String property = System.getProperty("partnerhub.kube.dir");
        return Path.of(env != null && !env.isBlank() ? env
                : property != null ? property : System.getProperty("user.home") + "/.cache/partnerhub-kube");
    }

    public static Path binaries() {
        return kubeDir().resolve("k8s").resolve(VERSION + "-linux-amd64");
    }

    /** Why the control plane cannot start here, if it cannot: the first missing binary. */
    public static Optional<String> missingBinaries() {
        for (String binary : List.of("kube-apiserver", "kube-controller-manager", "etcd", "kubectl")) {
            if (!Files.isExecutable(binaries().resolve(binary))) {
                return Optional.of("no " + binary + " in " + binaries() + "; build the real Kubernetes binaries "
                        + "once with ../shared/tools/real-kube/build.sh (see its README)");
            }
        }
        return Optional.empty();
    }

    /** Starts etcd, kube-apiserver and kube-controller-manager; {@code work} receives kubeconfigs and logs. */
    public static ControlPlane start(Path work) throws IOException {
        Files.createDirectories(work);
        Path kubeDir = kubeDir();
        Path policy = work.resolve("audit-policy.yaml");
        Files.writeString(policy, """
                apiVersion: audit.k8s.io/v1
                kind: Policy
                omitStages: [RequestReceived]
                rules:
                  - level: Metadata
                    userGroups: ["system:serviceaccounts"]
                  - level: None
                """);
        KubeAPIServer apiServer = new KubeAPIServer(KubeAPIServerConfigBuilder.anAPIServerConfig()
                .withTestDir(kubeDir.toString())
                .withApiServerVersion(VERSION)
                .withUpdateKubeConfig(false)
                .withApiServerFlag("--audit-policy-file", policy.toString())
                .withApiServerFlag("--audit-log-path", work.resolve("audit.log").toString())
                // The node registers as node-1, a name no resolver knows: logs and exec go to its address.
                .withApiServerFlag("--kubelet-preferred-address-types", "InternalIP")
                .build());
        ApiServerLog apiServerLog = ApiServerLog.into(work.resolve("kube-apiserver.log"));
        apiServer.start();
        Path adminKubeconfig = work.resolve("admin.kubeconfig");
        Files.writeString(adminKubeconfig, apiServer.getKubeConfigYaml());
        KubernetesClient admin = new KubernetesClientBuilder()
                .withConfig(Config.fromKubeconfig(apiServer.getKubeConfigYaml())).build();
        String server = admin.getConfiguration().getMasterUrl().replaceAll("/$", "");
        Process controllerManager = startControllerManager(kubeDir, adminKubeconfig, work);
        ControlPlane plane = new ControlPlane(work, kubeDir, apiServer, apiServerLog, controllerManager, admin,
                server);
        try {
            // The serviceaccount controller creates each namespace's "default" account: the controller manager works.
            await().atMost(STARTUP).ignoreExceptions().until(() -> admin.serviceAccounts().inNamespace("default")
                    .withName("default").get() != null);
        } catch (RuntimeException e) {
            plane.close();
            throw new IllegalStateException("kube-controller-manager did not start; see "
                    + work.resolve("kube-controller-manager.log"), e);
        }
        return plane;
    }

    private static Process startControllerManager(Path kubeDir, Path kubeconfig, Path work) throws IOException {
        Path binary = kubeDir.resolve("k8s").resolve(VERSION + "-linux-amd64").resolve("kube-controller-manager");
        return new ProcessBuilder(binary.toString(),
                "--kubeconfig=" + kubeconfig,
                "--leader-elect=false",
                "--secure-port=0",
                // For the node: Deployments and their pods, its not-ready taint lifted, each namespace's kube-root-ca.crt.
                "--controllers=namespace,garbagecollector,serviceaccount,serviceaccount-token,deployment,replicaset,"
                        + "nodelifecycle,root-ca-cert-publisher,podgc",
                // kube-api-test signs service-account tokens with its API server key and serves its own certificate.
                "--service-account-private-key-file=" + kubeDir.resolve("apiserver.key"),
                "--root-ca-file=" + kubeDir.resolve("apiserver.crt"),
                "--concurrent-namespace-syncs=4")
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("kube-controller-manager.log").toFile())
                .start();
    }

    /** A client with cluster-admin rights (kube-api-test's client certificate, group system:masters). */
    public KubernetesClient admin() {
        return admin;
    }

    /** The admin kubeconfig file, for kubectl and for processes started with {@code KUBECONFIG}. */
    public Path adminKubeconfig() {
        return work.resolve("admin.kubeconfig");
    }

    /** The API server's URL. */
    public String server() {
        return server;
    }

    /** A kubeconfig that authenticates with a bearer token (for example a service account's, from TokenRequest). */
    public Path kubeconfigWithToken(String name, String token) throws IOException {
        Path file = work.resolve(name + ".kubeconfig");
        Files.writeString(file, kubeconfig(name, "token: \"%s\"".formatted(token)));
        return file;
    }

    /** The admin's kubeconfig (kube-api-test's client certificate), with the server's address quoted. */
    public String adminKubeconfigYaml() {
        return kubeconfig("admin", "client-certificate: \"%s\", client-key: \"%s\"".formatted(
                kubeDir.resolve("client.crt"), kubeDir.resolve("client.key")));
    }

    private String kubeconfig(String name, String credentials) {
        return """
                apiVersion: v1
                kind: Config
                clusters:
                  - name: real-kube
                    cluster: {server: "%s", certificate-authority: "%s"}
                users:
                  - name: %s
                    user: {%s}
                contexts:
                  - name: %s
                    context: {cluster: real-kube, user: %s}
                current-context: %s
                """.formatted(server, kubeDir.resolve("apiserver.crt"), name, credentials, name, name, name);
    }

    /** The audit log: one JSON event per line for each request made by a service account. */
    public Path auditLog() {
        return work.resolve("audit.log");
    }

    public Path work() {
        return work;
    }

    /** Runs kubectl against this control plane as admin; returns its exit code and combined output. */
    public Kubectl.Result kubectl(String... args) {
        return new Kubectl(binaries().resolve("kubectl"), adminKubeconfig()).run(args);
    }

    /** The lines the API server logged as errors (klog's {@code E}) or panics, for a failing test's output. */
    public List<String> apiServerErrors() {
        return apiServerLog.errors();
    }

    /** The API server's port, for messages. */
    public int port() {
        return URI.create(server).getPort();
    }

    @Override
    public void close() {
        admin.close();
        controllerManager.destroy();
        try {
            if (!controllerManager.waitFor(10, TimeUnit.SECONDS)) {
                controllerManager.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            controllerManager.destroyForcibly();
        }
        apiServer.stop();
        apiServerLog.close();
    }

    /** kubectl with a fixed kubeconfig. */
    public record Kubectl(Path binary, Path kubeconfig) {

        /** What kubectl printed and how it exited. */
        public record Result(int exitCode, String output) {
        }

        public Result run(String... args) {
            List<String> command = new ArrayList<>(List.of(binary.toString(), "--kubeconfig=" + kubeconfig));
            command.addAll(List.of(args));
            try {
                Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
                String output = new String(process.getInputStream().readAllBytes());
                return new Result(process.waitFor(), output);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
