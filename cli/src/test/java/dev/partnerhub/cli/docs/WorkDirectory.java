package dev.partnerhub.cli.docs;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The directory a guide's commands run in, laid out as the guide assumes the project's root is: {@code samples/},
 * {@code ./hubctl} (the built jar), the files the guide names but the repository does not hold
 * ({@code src/test/resources/doc-files/<guide>/}), and {@code .local/}, which the local mode fills. The guides'
 * ports (16443, 18089) are moved to the environment's, in the files here and in each command.
 */
final class WorkDirectory {

    static final int GUIDE_API_PORT = 16443;
    static final int GUIDE_HUB_PORT = 18089;
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Z_][A-Z0-9_]*)}");

    private final Path path;
    private final int apiPort;
    private final int hubPort;
    /** Doc-files that name a shell variable ({@code ${ORG}}): written when a command names them, with its value. */
    private final Map<String, String> templates = new LinkedHashMap<>();

    WorkDirectory(Path path, int apiPort, int hubPort) {
        this.path = path;
        this.apiPort = apiPort;
        this.hubPort = hubPort;
    }

    Path path() {
        return path;
    }

    /** Copies the samples and the guide's doc-files and writes {@code ./hubctl}. */
    void fill(Path root, Path docFiles, String hubUrl) throws IOException {
        copy(root.resolve("samples"), path.resolve("samples"));
        if (Files.isDirectory(docFiles)) {
            copy(docFiles, path);
        }
        Path hubctl = path.resolve("hubctl");
        Files.writeString(hubctl, """
                #!/usr/bin/env bash
                # The project's ./hubctl, without its build step: the jar the build made, the sandbox at the test's hub.
                if [[ "${1:-}" == sandbox ]]; then shift; set -- sandbox --hub=%s "$@"; fi
                HUBCTL_PROJECT=%s exec java -XX:TieredStopAtLevel=1 -jar %s "$@"
                """.formatted(hubUrl, path, root.resolve("cli/target/hubctl.jar")));
        Files.setPosixFilePermissions(hubctl, PosixFilePermissions.fromString("rwxr-xr-x"));
    }

    /** The command with the guides' ports moved to the environment's. */
    String command(String documented) {
        return retarget(documented);
    }

    /** What the environment prints, as the guides would show it: their ports, paths from the work directory. */
    Map<String, String> shownAs() {
        Map<String, String> shown = new LinkedHashMap<>();
        for (String host : new String[] {"127.0.0.1:", "localhost:"}) {
            shown.put(host + hubPort, host + GUIDE_HUB_PORT);
            shown.put(host + apiPort, host + GUIDE_API_PORT);
        }
        shown.put(path + "/", "");
        return shown;
    }

    /** Writes each template the command names, with the shell variables' values it needs. */
    void writeTemplates(String command, VariableSource shell) throws IOException, InterruptedException {
        for (Map.Entry<String, String> template : templates.entrySet()) {
            if (!command.contains(template.getKey())) {
                continue;
            }
            Matcher m = VARIABLE.matcher(template.getValue());
            StringBuilder text = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(text, Matcher.quoteReplacement(shell.variable(m.group(1))));
            }
            Files.writeString(path.resolve(template.getKey()), m.appendTail(text).toString());
        }
    }

    /** A shell's variables. */
    interface VariableSource {
        String variable(String name) throws IOException, InterruptedException;
    }

    private String retarget(String text) {
        return text.replaceAll("(127\\.0\\.0\\.1|localhost):" + GUIDE_HUB_PORT + "\\b", "$1:" + hubPort)
                .replaceAll("(127\\.0\\.0\\.1|localhost):" + GUIDE_API_PORT + "\\b", "$1:" + apiPort);
    }

    private void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.list(from)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                String name = file.getFileName().toString();
                String text = retarget(Files.readString(file));
                if (VARIABLE.matcher(text).find()) {
                    templates.put(name, text);
                }
                Files.writeString(to.resolve(name), text);
            }
        }
    }
}
