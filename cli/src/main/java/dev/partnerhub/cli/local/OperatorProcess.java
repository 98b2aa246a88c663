package dev.partnerhub.cli.local;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The built operator ({@code quarkus-run.jar}) as a child process, the way it runs in a cluster: its own JVM, its
 * own Kubernetes client configured by the environment, its output in a log file.
 */
public final class OperatorProcess implements AutoCloseable {

    /** Where the operator's own build puts it, relative to the project's root. */
    public static final Path DEFAULT_JAR = Path.of("operator/target/quarkus-app/quarkus-run.jar");

    private final Process process;
    private final Path log;

    private OperatorProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /**
     * Starts the operator. {@code env} configures it (for example {@code KUBECONFIG}, or
     * {@code QUARKUS_KUBERNETES_CLIENT_API_SERVER_URL}, and {@code PARTNERHUB_*} settings); a {@code KUBECONFIG} of
     * the calling shell is not inherited unless {@code env} names one.
     */
    public static OperatorProcess start(Path jar, Path log, Map<String, String> env) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IOException(jar.toAbsolutePath() + " is missing: the operator is not built; run "
                    + "`mvn -DskipTests install` first");
        }
        Files.createDirectories(log.toAbsolutePath().getParent());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-jar", jar.toAbsolutePath().toString())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment().remove("KUBECONFIG");
        builder.environment().put("QUARKUS_HTTP_PORT", "0");
        builder.environment().putAll(env);
        return new OperatorProcess(builder.start(), log);
    }

    /** The operator's process ID, for a benchmark's readings of its CPU time and memory. */
    public long pid() {
        return process.pid();
    }

    /**
     * The settings of an operator alone against an embedded Kubernetes API: its URL, the CRDs applied by the caller,
     * and no Lease to contend for.
     */
    public static Map<String, String> againstEmbeddedApi(String apiUrl) {
        return Map.of("QUARKUS_KUBERNETES_CLIENT_API_SERVER_URL", apiUrl,
                "QUARKUS_KUBERNETES_CLIENT_TRUST_CERTS", "true",
                "QUARKUS_OPERATOR_SDK_CRD_APPLY", "false",
                "PARTNERHUB_LEADER_ELECTION_ENABLED", "false");
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code once the process has ended. */
    public int exitCode() {
        return process.exitValue();
    }

    /** The last {@code count} lines the operator wrote. */
    public String tail(int count) {
        java.util.List<String> lines = log().lines().toList();
        return String.join(System.lineSeparator(), lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    /** Ends the operator at once, as a crash or an evicted node does: SIGKILL, no shutdown hook runs. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Everything the operator wrote so far. */
    public String log() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the operator as Kubernetes does: SIGTERM, then SIGKILL after a grace period. */
    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
