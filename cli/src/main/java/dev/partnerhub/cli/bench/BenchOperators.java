package dev.partnerhub.cli.bench;

import dev.partnerhub.cli.local.OperatorProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The operator processes of a benchmark: one, or one per shard. Shard 0 takes every object without a
 * {@value #SHARD_LABEL} label and writes the connection; shard i takes {@value #SHARD_LABEL}=s{i}. All share the
 * connection's rate limit and deletion budget in equal parts.
 */
final class BenchOperators implements AutoCloseable {

    static final String SHARD_LABEL = "partnerhub.dev/shard";

    private final List<OperatorProcess> processes = new ArrayList<>();
    private final List<ProcessProbe> probes = new ArrayList<>();
    private final List<Map<String, String>> settings = new ArrayList<>();
    private final List<Path> logs = new ArrayList<>();
    private Path jar;

    private BenchOperators() {
    }

    /** Starts {@code shards} operators against the embedded API, each with {@code env} and its shard's settings. */
    static BenchOperators start(Path jar, Path logs, int shards, Map<String, String> env) throws IOException {
        BenchOperators operators = new BenchOperators();
        try {
            for (int i = 0; i < shards; i++) {
                int port = freePort();
                Map<String, String> all = new HashMap<>(env);
                all.put("QUARKUS_HTTP_PORT", Integer.toString(port));
                if (shards > 1) {
                    all.put("PARTNERHUB_SHARD_COUNT", Integer.toString(shards));
                    all.put("PARTNERHUB_SHARD_SELECTOR", i == 0 ? "!" + SHARD_LABEL : SHARD_LABEL + "=" + label(i));
                    all.put("PARTNERHUB_SHARD_CONNECTIONS", Boolean.toString(i == 0));
                }
                Path log = logs.resolve(shards == 1 ? "bench-operator.log" : "bench-operator-" + i + ".log");
                OperatorProcess process = OperatorProcess.start(jar, log, all);
                operators.jar = jar;
                operators.processes.add(process);
                operators.probes.add(new ProcessProbe(process.pid(), port));
                operators.settings.add(all);
                operators.logs.add(log);
            }
            return operators;
        } catch (IOException | RuntimeException e) {
            operators.close();
            throw e;
        }
    }

    /**
     * Kills process {@code i} (SIGKILL, as a node failure or an OOM kill would) and starts it again with the same
     * settings; its log starts anew.
     */
    void restart(int i) throws IOException {
        processes.get(i).kill();
        OperatorProcess process = OperatorProcess.start(jar, logs.get(i), settings.get(i));
        processes.set(i, process);
        probes.set(i, new ProcessProbe(process.pid(), Integer.parseInt(settings.get(i).get("QUARKUS_HTTP_PORT"))));
    }

    /** The label value of shard {@code i} (shard 0 has none). */
    static String label(int i) {
        return "s" + i;
    }

    List<OperatorProcess> processes() {
        return processes;
    }

    List<ProcessProbe> probes() {
        return probes;
    }

    /** CPU seconds of all processes together. */
    double cpuSeconds() throws IOException {
        double sum = 0;
        for (ProcessProbe p : probes) {
            sum += p.cpuSeconds();
        }
        return sum;
    }

    /** The sum of one counter over every process's metrics, for one kind. */
    double counter(String name, String kind) throws IOException, InterruptedException {
        double sum = 0;
        for (ProcessProbe p : probes) {
            sum += ProcessProbe.counter(p.metrics(), name, kind);
        }
        return sum;
    }

    /** Throws with the log's tail when a process has stopped. */
    void checkAlive() {
        for (OperatorProcess p : processes) {
            if (!p.isAlive()) {
                throw new IllegalStateException("an operator stopped:\n" + p.tail(30));
            }
        }
    }

    @Override
    public void close() {
        processes.forEach(OperatorProcess::close);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
