package dev.partnerhub.cli;

import dev.partnerhub.cli.local.LocalEnvironment;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Runs the whole product on this machine until interrupted. */
@Command(name = "local", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n", footer = {
            "  ./hubctl local",
            "  ./hubctl local --api-port 16443 --hub-port 18089"},
        description = "Starts an embedded Kubernetes API, the "
        + "local partner hub and the operator; applies the CRDs and the samples; writes a kubeconfig; runs until "
        + "interrupted (Ctrl-C).")
final class LocalCommand implements Callable<Integer> {

    @Option(names = "--api-port", defaultValue = "16443", description = "Port of the embedded Kubernetes API.")
    int apiPort;

    @Option(names = "--hub-port", defaultValue = "18089",
            description = "Port of the local partner hub; the samples' PartnerConnections point at it.")
    int hubPort;

    @Option(names = "--kubeconfig-out", defaultValue = "${env:HUBCTL_PROJECT:-.}/.local/kubeconfig", description = "Where to write the kubeconfig.")
    Path kubeconfigOut;

    @Option(names = "--samples", defaultValue = "${env:HUBCTL_PROJECT:-.}/samples", description = "Directory of manifests to apply.")
    Path samples;

    @Option(names = "--crds", defaultValue = "${env:HUBCTL_PROJECT:-.}/crds", description = "Directory of the CRDs.")
    Path crds;

    @Option(names = "--operator-jar", defaultValue = "${env:HUBCTL_PROJECT:-.}/operator/target/quarkus-app/quarkus-run.jar",
            description = "The operator to run.")
    Path operatorJar;

    @Option(names = "--operator-log", defaultValue = "${env:HUBCTL_PROJECT:-.}/.local/operator.log", description = "Where the operator logs.")
    Path operatorLog;

    @Override
    public Integer call() throws Exception {
        LocalEnvironment env = LocalEnvironment.start(new LocalEnvironment.Settings(apiPort, hubPort, kubeconfigOut,
                crds, samples, operatorJar, operatorLog));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            env.close();
            stopped.countDown();
        }, "hubctl-local-shutdown"));
        System.out.printf("""
                Partner Hub Operator, local mode
                  Kubernetes API     %s   (kubeconfig: %s)
                  local partner hub  %s   (token: %s; Webex under /v1, Partner Center at the root)
                  operator log       %s
                  applied            %d objects from %s

                Look at the result:
                  kubectl --kubeconfig %s get customers,customerusers -A
                  ./hubctl status
                Play the end user of an untrusted-email user (see README):
                  curl -X POST %s/admin/broadworks/subscribers/<userId>/enter-email -d '{"email":"..."}'

                Ctrl-C stops everything.
                """, env.apiUrl(), kubeconfigOut, env.hub().url(), env.hub().token(), operatorLog,
                env.applied().size(), samples, kubeconfigOut, env.hub().url());
        while (!stopped.await(1, TimeUnit.SECONDS)) {
            if (!env.operator().isAlive()) {
                System.err.printf("hubctl: the operator stopped (exit code %d); the end of %s:%n%s%n",
                        env.operator().exitCode(), operatorLog, env.operator().tail(30));
                return 1;
            }
        }
        return 0;
    }
}
