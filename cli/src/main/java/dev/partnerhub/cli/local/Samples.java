package dev.partnerhub.cli.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The manifests of {@code samples/}. Their PartnerConnections point at the local partner hub on its default
 * address; {@link #retarget} points them at the hub that actually runs (another port, a test's hub), as a user
 * would edit {@code spec.endpoint} for a real partner account.
 */
public final class Samples {

    /**
     * The hub address written in the samples: {@code ./hubctl local} on its default port. Webex connections name
     * its {@code /v1} below it; Partner Center connections name it bare, since Partner Center's paths carry their own
     * {@code /v1}.
     */
    public static final String SAMPLE_HUB = "http://127.0.0.1:18089";

    private Samples() {
    }

    /** The YAML files of a directory, in the order they are applied (by name). */
    public static List<Path> files(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            throw new IOException(dir.toAbsolutePath() + " is not a directory; run hubctl from the project's root");
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted()
                    .toList();
        }
    }

    /** A sample's text with every endpoint of the sample hub moved to the hub whose Webex API is {@code hubApiUrl}. */
    public static String retarget(String yaml, String hubApiUrl) {
        return yaml.replace(SAMPLE_HUB, hubApiUrl.replaceAll("/$", "").replaceAll("/v1$", ""));
    }

    /** Writes the retargeted samples of {@code dir} into {@code out} (same file names); returns the files. */
    public static List<Path> writeRetargeted(Path dir, String hubApiUrl, Path out) throws IOException {
        Files.createDirectories(out);
        List<Path> written = new ArrayList<>();
        for (Path file : files(dir)) {
            Path target = out.resolve(file.getFileName().toString());
            Files.writeString(target, retarget(Files.readString(file), hubApiUrl));
            written.add(target);
        }
        return written;
    }
}
