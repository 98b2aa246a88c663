package dev.partnerhub.e2e.kube;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.FileHandler;
import java.util.logging.Formatter;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Pattern;

/**
 * The API server's own output in a file. kube-api-test hands each line the server prints to an SLF4J logger at debug
 * level, which this module binds to java.util.logging; this sends that logger's lines, and only them, to a file.
 */
final class ApiServerLog implements AutoCloseable {

    /** The logger kube-api-test names after its process class. */
    private static final String LOGGER = "io.fabric8.kubeapitest.process.KubeAPIServerProcess.APIServerProcessLogs";

    /** A klog error line ({@code E1205 12:40:41.123 ...}), or a Go panic and its stack's first line. */
    private static final Pattern ERROR = Pattern.compile("^\\W*E\\d{4} |panic");

    private final Logger logger;
    private final FileHandler file;
    private final Path path;

    private ApiServerLog(Logger logger, FileHandler file, Path path) {
        this.logger = logger;
        this.file = file;
        this.path = path;
    }

    static ApiServerLog into(Path path) throws IOException {
        Logger logger = Logger.getLogger(LOGGER);
        FileHandler file = new FileHandler(path.toString());
        file.setEncoding(StandardCharsets.UTF_8.name());
        file.setLevel(Level.ALL);
        file.setFormatter(new Formatter() {
            @Override
            public String format(LogRecord record) {
                return record.getMessage() + System.lineSeparator();
            }
        });
        logger.setUseParentHandlers(false);
        logger.setLevel(Level.FINE);
        logger.addHandler(file);
        return new ApiServerLog(logger, file, path);
    }

    List<String> errors() {
        file.flush();
        try (var lines = Files.lines(path, StandardCharsets.UTF_8)) {
            return lines.filter(line -> ERROR.matcher(line).find()).toList();
        } catch (IOException | UncheckedIOException e) {
            return List.of("(" + path + " unreadable: " + e.getMessage() + ")");
        }
    }

    @Override
    public void close() {
        logger.removeHandler(file);
        file.close();
    }
}
