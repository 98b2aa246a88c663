package dev.partnerhub.cli.docs;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * One bash for the commands of one guide, as a reader types them in one terminal: an {@code export} or a variable
 * set by one command holds for the next ones, and {@code $?} is the last command's exit status. Each command's
 * standard output and error are read together, as a terminal shows them.
 */
final class GuideShell implements AutoCloseable {

    /** What a command printed and its exit status. */
    record Result(int exit, List<String> output) {
    }

    private final Process bash;
    private final Writer in;
    private final BlockingQueue<String> lines = new LinkedBlockingQueue<>();
    private volatile boolean closing;
    private final String marker = "__doc_command_done_" + UUID.randomUUID().toString().replace("-", "");

    GuideShell(Path directory, Map<String, String> environment) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("bash", "--noprofile", "--norc").directory(directory.toFile())
                .redirectErrorStream(true);
        builder.environment().remove("KUBECONFIG");
        builder.environment().putAll(environment);
        bash = builder.start();
        in = new java.io.OutputStreamWriter(bash.getOutputStream(), StandardCharsets.UTF_8);
        Thread reader = new Thread(this::readLines, "guide-shell-reader");
        reader.setDaemon(true);
        reader.start();
    }

    /**
     * Runs one command line and returns once it has finished. The command reads no input (a command that read the
     * shell's own input would eat the next ones), and its {@code $?} is restored after the end marker is printed.
     */
    Result run(String command, Duration timeout) throws IOException, InterruptedException {
        // The line break before "}" keeps a trailing "# comment" from hiding it.
        in.write("{ " + command + "\n} </dev/null 2>&1\n__rc=$?; printf '\\n%s %s\\n' " + marker + " $__rc; (exit $__rc)\n");
        in.flush();
        List<String> output = new ArrayList<>();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String line = lines.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (line == null) {
                throw new IllegalStateException("did not finish in " + timeout + "; printed so far: " + output);
            }
            if (line.startsWith(marker + " ")) {
                return new Result(Integer.parseInt(line.substring(marker.length() + 1).strip()),
                        DocGuides.withoutTrailingBlanks(output));
            }
            output.add(line);
        }
    }

    /** The value of a shell variable, as the next command would see it. */
    String variable(String name) throws IOException, InterruptedException {
        Result result = run("printf '%s\\n' \"$" + name + "\"", Duration.ofSeconds(10));
        return String.join("\n", result.output());
    }

    /** Ends the shell as a terminal closes: its input ends, then whatever still runs is stopped. */
    @Override
    public void close() {
        closing = true;
        bash.descendants().forEach(ProcessHandle::destroy);
        try {
            in.close();
        } catch (IOException e) {
            // bash has already gone: nothing is left to end
        }
        bash.destroy();
    }

    private void readLines() {
        try (BufferedReader out = new BufferedReader(new InputStreamReader(bash.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = out.readLine(); line != null; line = out.readLine()) {
                lines.add(line);
            }
        } catch (IOException e) {
            if (!closing) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
