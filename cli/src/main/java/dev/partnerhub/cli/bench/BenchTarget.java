package dev.partnerhub.cli.bench;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** What a benchmark runs and where: the built operator, the Kubernetes API (embedded or real), the CRDs. */
final class BenchTarget {

    @Option(names = "--operator-jar", defaultValue = "${env:HUBCTL_PROJECT:-.}/operator/target/quarkus-app/quarkus-run.jar",
            description = "The built operator. Default: ${DEFAULT-VALUE}.")
    Path operatorJar;

    @Option(names = "--kubeconfig", description = "A real API server to run against (for example the one "
            + "../shared/tools/real-kube/up.sh starts); default: the local mode's embedded mock API.")
    Path kubeconfig;

    @Option(names = "--crds", defaultValue = "${env:HUBCTL_PROJECT:-.}/crds", description = "The CRD folder. Default: ${DEFAULT-VALUE}.")
    Path crds;

    /** The API the options name, the CRDs applied. */
    BenchApi startApi() throws java.io.IOException {
        return BenchApi.start(kubeconfig, crds);
    }
}
