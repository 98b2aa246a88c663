package dev.partnerhub.cli.docs;

import static org.awaitility.Awaitility.await;

import dev.partnerhub.cli.local.LocalEnvironment;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.awaitility.core.ConditionTimeoutException;

/**
 * One guide's commands on a local mode of its own, in document order, in one shell. A command that only reads
 * (a {@code get}, {@code hubctl status}, the hub's state) is run again until it prints what the guide shows, since it
 * reads what the operator converges to; any other command runs once.
 */
final class GuideRun implements AutoCloseable {

    /** How long a read waits for what the guide shows: STYLE.md's bound for any wait. */
    static final Duration CONVERGENCE = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final Duration COMMAND_TIMEOUT = Duration.ofSeconds(60);

    private static final Pattern READS = Pattern.compile("^(kubectl( (-n|--namespace|--kubeconfig) \\S+| --?\\S+=\\S+)*"
            + " (get|explain|wait) |\\./hubctl (status|plan|csv export)\\b|curl -s http\\S+/admin/(state|requests)\\b"
            + "|grep |cat |ls )");
    private static final Pattern TABLE = Pattern.compile("^kubectl .* get [^|]*$");
    private static final Pattern FAILURE = Pattern.compile(
            "^(Error from server|error: |The \\S+ \"[^\"]+\" is invalid)|: error: ");
    private static final String ECHO_EXIT = "echo $?";

    private final LocalEnvironment env;
    private final WorkDirectory work;
    private final GuideShell shell;
    private final Transcript transcript;

    private GuideRun(LocalEnvironment env, WorkDirectory work, GuideShell shell) {
        this.env = env;
        this.work = work;
        this.shell = shell;
        this.transcript = new Transcript(work.shownAs());
    }

    /** Starts a local mode for the guide in {@code directory} and waits until its samples have converged. */
    static GuideRun start(Path root, Path directory, String guideName) throws IOException {
        deleteRecursively(directory);
        Path local = directory.resolve(".local");
        Files.createDirectories(local);
        LocalEnvironment env = LocalEnvironment.start(new LocalEnvironment.Settings(0, 0, local.resolve("kubeconfig"),
                root.resolve("crds"), root.resolve("samples"),
                root.resolve("operator/target/quarkus-app/quarkus-run.jar"), local.resolve("operator.log")));
        try {
            WorkDirectory work = new WorkDirectory(directory, URI.create(env.apiUrl()).getPort(),
                    URI.create(env.hub().url()).getPort());
            work.fill(root, root.resolve("cli/src/test/resources/doc-files").resolve(guideName), env.hub().url());
            SamplesConverged.within(env.client(), CONVERGENCE);
            return new GuideRun(env, work, new GuideShell(directory, Map.of("LANG", "C.UTF-8")));
        } catch (IOException | RuntimeException e) {
            env.close();
            throw e;
        }
    }

    /**
     * Runs {@code command} and fails, naming it, when its exit status or its output is not what the guide shows.
     * {@code next} (or null) tells whether the guide shows the exit status itself ({@code echo $?}).
     */
    void run(DocCommand command, DocCommand next) throws Exception {
        String line = work.command(command.command());
        work.writeTemplates(line, shell::variable);
        Exit exit = next != null && next.command().equals(ECHO_EXIT) ? Exit.ANY
                : command.output().stream().anyMatch(l -> FAILURE.matcher(l).find()) ? Exit.FAILURE : Exit.ZERO;
        AtomicReference<GuideShell.Result> last = new AtomicReference<>();
        if (!READS.matcher(command.command()).find()) {
            last.set(shell.run(line, COMMAND_TIMEOUT));
            check(command, line, exit, last.get(), "");
            return;
        }
        try {
            await().atMost(CONVERGENCE).pollDelay(Duration.ZERO).pollInterval(POLL).until(() -> {
                last.set(shell.run(line, COMMAND_TIMEOUT));
                return exit.accepts(last.get().exit())
                        && transcript.matches(command.output(), last.get().output(), table(command));
            });
        } catch (ConditionTimeoutException e) {
            check(command, line, exit, last.get(), " (read again for " + CONVERGENCE.toSeconds() + " s)");
        }
    }

    @Override
    public void close() {
        shell.close();
        env.close();
    }

    private void check(DocCommand command, String line, Exit exit, GuideShell.Result result, String polled) {
        if (exit.accepts(result.exit()) && transcript.matches(command.output(), result.output(), table(command))) {
            return;
        }
        List<String> shown = result.output().stream().map(transcript::actualLine).toList();
        throw new AssertionError("""
                %s: the command does not do what the guide shows%s
                  command:  %s%s
                  exit:     %d, expected %s
                  expected output:
                %s
                  actual output:
                %s
                  not Ready:
                %s
                  operator log: %s""".formatted(command.where(), polled, command.command(),
                line.equals(command.command()) ? "" : "\n  run as:   " + line, result.exit(), exit.text,
                indent(command.output()), indent(shown), indent(SamplesConverged.notReady(env.client())),
                work.path().resolve(".local/operator.log")));
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (Files.exists(directory)) {
            try (var files = Files.walk(directory)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** A {@code kubectl get} printing its table (no {@code -o}, or {@code -o wide}). */
    private static boolean table(DocCommand command) {
        String line = command.command().replaceAll("\\s+#.*$", "");
        return TABLE.matcher(line).find() && (!line.contains(" -o ") || line.contains(" -o wide"));
    }

    private static String indent(List<String> lines) {
        return lines.isEmpty() ? "    (nothing)" : String.join("\n", lines.stream().map(l -> "    " + l).toList());
    }

    /** The exit status a command must end with. */
    private enum Exit {
        ZERO("0"), FAILURE("not 0: the guide shows an error"), ANY("any: the next command shows it");

        final String text;

        Exit(String text) {
            this.text = text;
        }

        boolean accepts(int status) {
            return switch (this) {
                case ZERO -> status == 0;
                case FAILURE -> status != 0;
                case ANY -> true;
            };
        }
    }
}
