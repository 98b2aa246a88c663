package dev.partnerhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.e2e.kube.ControlPlane;
import dev.partnerhub.e2e.kube.RealKubernetes;
import dev.partnerhub.e2e.support.Project;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * hubctl as a user gets it: the release archive Maven builds, unpacked away from the source tree, run as the kubectl
 * plugin from an empty directory with a Java runtime and a kubeconfig only; a relative path means the caller's
 * directory.
 */
@RealKubernetes
class HubctlReleaseOnRealApiTest {

    private static final Path ARCHIVE = Project.ROOT.resolve("cli/target/hubctl-0.1.0-SNAPSHOT-release.tar.gz");

    @Test
    void theReleaseArchiveListsTheUsersFromAnEmptyDirectory(ControlPlane plane) throws Exception {
        assertThat(ARCHIVE).as("built by mvn package in cli/").isRegularFile();
        Project.installCrds(plane);
        assertThat(plane.kubectl("create", "namespace", "release-check").exitCode()).isZero();
        assertThat(Project.apply(plane, "release-user", """
                apiVersion: partnerhub.dev/v1alpha1
                kind: CustomerUser
                metadata: {name: ana, namespace: release-check}
                spec:
                  customerRef: {name: acme}
                  email: ana@acme.example.com
                  firstName: Ana
                  lastName: Release
                  package: webex_meetings
                """).exitCode()).isZero();

        Path installed = Files.createTempDirectory("hubctl-release");
        assertThat(run(installed, "tar", "xzf", ARCHIVE.toString()).exitCode).isZero();
        Path caller = Files.createTempDirectory("hubctl-caller");
        Files.createDirectories(caller.resolve("kube"));
        Files.copy(plane.adminKubeconfig(), caller.resolve("kube/config"));

        Result status = run(caller, installed.resolve("hubctl-0.1.0-SNAPSHOT/bin/kubectl-partnerhub").toString(),
                "status", "-A", "--kubeconfig", "kube/config");
        assertThat(status.exitCode).as(status.output).isZero();
        assertThat(status.output).contains("NAMESPACE").contains("release-check").contains("ana@acme.example.com");
        try (var files = Files.list(caller)) {
            assertThat(files.map(p -> p.getFileName().toString())).as("nothing written where it ran")
                    .containsExactly("kube");
        }
    }

    private record Result(int exitCode, String output) {
    }

    /** Runs a command in {@code dir} with the test's Java runtime and nothing of the project in its environment. */
    private static Result run(Path dir, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().remove("HUBCTL_PROJECT");
        builder.environment().remove("KUBECONFIG");
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).isTrue();
        return new Result(process.exitValue(), output);
    }
}
