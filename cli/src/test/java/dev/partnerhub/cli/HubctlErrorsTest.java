package dev.partnerhub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Bad input to hubctl ends in one line that names the problem and the fix, and a non-zero exit. */
class HubctlErrorsTest {

    @TempDir
    Path dir;

    @Test
    void aMissingKubeconfigSaysHowToGetOne() {
        assertThat(run("status", "--kubeconfig", dir.resolve("none").toString()))
                .isEqualTo("hubctl status: kubeconfig " + dir.resolve("none") + " does not exist; start `./hubctl local` "
                        + "or pass --kubeconfig");
    }

    @Test
    void anUnreachableClusterSaysWhereAndWhy() throws Exception {
        Path kubeconfig = dir.resolve("kubeconfig");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters: [{name: x, cluster: {server: "http://127.0.0.1:1"}}]
                contexts: [{name: x, context: {cluster: x, user: x}}]
                users: [{name: x, user: {}}]
                current-context: x
                """);
        assertThat(run("status", "--kubeconfig", kubeconfig.toString()))
                .startsWith("hubctl status: cannot list CustomerUsers of namespace default from http://127.0.0.1:1/")
                .contains("Connection refused");
    }

    @Test
    void contextPicksTheClusterAndItsNamespaceAsKubectlDoes() throws Exception {
        Path kubeconfig = dir.resolve("kubeconfig");
        Files.writeString(kubeconfig, """
                apiVersion: v1
                kind: Config
                clusters:
                - {name: one, cluster: {server: "http://127.0.0.1:1"}}
                - {name: two, cluster: {server: "http://127.0.0.1:2"}}
                contexts:
                - {name: one, context: {cluster: one, user: x}}
                - {name: two, context: {cluster: two, user: x, namespace: tenant-b}}
                users: [{name: x, user: {}}]
                current-context: one
                """);
        assertThat(run("status", "--kubeconfig", kubeconfig.toString()))
                .startsWith("hubctl status: cannot list CustomerUsers of namespace default from http://127.0.0.1:1/");
        assertThat(run("status", "--kubeconfig", kubeconfig.toString(), "--context", "two"))
                .startsWith("hubctl status: cannot list CustomerUsers of namespace tenant-b from http://127.0.0.1:2/");
        assertThat(run("status", "--kubeconfig", kubeconfig.toString(), "--context", "two", "-A"))
                .startsWith("hubctl status: cannot list CustomerUsers of every namespace from http://127.0.0.1:2/");
        assertThat(run("status", "--kubeconfig", kubeconfig.toString(), "--context", "tow"))
                .as("a misspelt context is refused, as kubectl does, not replaced by the current one")
                .isEqualTo("hubctl status: --context tow: kubeconfig " + kubeconfig + " has no such context");
    }

    @Test
    void aBusyPortIsNamedWithItsOption() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            assertThat(run("local", "--hub-port", String.valueOf(busy.getLocalPort()), "--api-port", "0",
                    "--operator-jar", "../operator/target/quarkus-app/quarkus-run.jar",
                    "--kubeconfig-out", dir.resolve("kc").toString()))
                    .isEqualTo("hubctl local: port " + busy.getLocalPort() + " (--hub-port) is in use; is another "
                            + "`hubctl local` running?");
        }
    }

    @Test
    void aBusyHubPortIsNamedWithItsOption() throws Exception {
        try (ServerSocket busy = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            assertThat(run("hub", "--port", String.valueOf(busy.getLocalPort())))
                    .isEqualTo("hubctl hub: port " + busy.getLocalPort() + " (--port) is in use; is `hubctl local` or "
                            + "another `hubctl hub` running?");
        }
    }

    @Test
    void anOperatorWarmUpBeyondOneCustomerIsRefusedBeforeAnythingStarts() {
        StringWriter err = new StringWriter();
        CommandLine cli = Hubctl.commandLine().setErr(new PrintWriter(err, true));

        assertThat(cli.execute("bench", "operator", "--operator-warm-up", "1000")).isEqualTo(Hubctl.USAGE);
        assertThat(err.toString()).startsWith("--operator-warm-up: from 0 to 999 users (they are one customer's), "
                + "not 1000");
    }

    @Test
    void aMisspeltFlagExitsWithTheUsageCodeNotPlansChangesPending() {
        StringWriter err = new StringWriter();
        CommandLine cli = Hubctl.commandLine().setErr(new PrintWriter(err, true));

        assertThat(cli.execute("plan", "-f", "manifests", "--ouptut", "json")).isEqualTo(Hubctl.USAGE)
                .isNotEqualTo(2);
        assertThat(err.toString()).startsWith("Unknown options: '--ouptut', 'json'").contains("--output");
        assertThat(Hubctl.commandLine().setErr(new PrintWriter(new StringWriter(), true))
                .execute("plan", "-f", "manifests", "-o", "yaml")).as("a format plan does not have")
                .isEqualTo(Hubctl.USAGE);
    }

    @Test
    void theHelpListsTheExitCodes() {
        StringWriter out = new StringWriter();
        CommandLine cli = Hubctl.commandLine().setOut(new PrintWriter(out, true));

        assertThat(cli.execute("--help")).isZero();
        assertThat(out.toString()).contains("Exit codes:").contains("64   The command line is wrong");
    }

    @Test
    void theCompletionScriptIsValidBashAndKnowsTheCommandsAndTheirOptions() throws Exception {
        StringWriter out = new StringWriter();
        assertThat(Hubctl.commandLine().setOut(new PrintWriter(out, true)).execute("completion", "bash")).isZero();
        Path script = dir.resolve("hubctl.bash");
        Files.writeString(script, out.toString());
        Process check = new ProcessBuilder("bash", "-n", script.toString()).redirectErrorStream(true).start();
        assertThat(check.waitFor()).as(new String(check.getInputStream().readAllBytes())).isZero();
        assertThat(out.toString()).contains("complete -F").contains("status").contains("--all-namespaces")
                .contains("--exclude-provisioned").contains("--out-dir");
    }

    private static String run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cli = Hubctl.commandLine().setErr(new PrintWriter(err, true));
        assertThat(cli.execute(args)).isEqualTo(1);
        return err.toString().strip();
    }
}
