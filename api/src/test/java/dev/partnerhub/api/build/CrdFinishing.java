package dev.partnerhub.api.build;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A step of the api module's build (process-test-classes, after Fabric8's CRD generator) for what the generator does
 * not do: each kind's description, its class's {@link JsonClassDescription}, at the top of its CRD's schema, where
 * {@code kubectl explain KIND} reads it (the generator writes property descriptions only,
 * fabric8io/kubernetes-client#7375); and the AGE printer column last, as kubectl shows it for its own kinds (the
 * generator orders columns by their JSON path). Text edits in the generator's own style, so that nothing else moves.
 */
public final class CrdFinishing {

    private static final String SCHEMA = "openAPIV3Schema:";
    private static final String KIND = "    kind: ";

    private static final String AGE = "    - jsonPath: \".metadata.creationTimestamp\"";

    private CrdFinishing() {
    }

    public static void main(String[] args) throws IOException, ClassNotFoundException {
        Path generated = Path.of(args[0]);
        try (Stream<Path> files = Files.list(generated)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                Files.writeString(file, ageLast(describe(Files.readString(file))));
            }
        }
    }

    /** The CRD with its kind's description under each version's schema (again: the step may run twice). */
    static String describe(String crd) throws ClassNotFoundException {
        List<String> lines = new ArrayList<>(crd.lines().toList());
        String kind = lines.stream().filter(l -> l.startsWith(KIND)).findFirst()
                .map(l -> l.substring(KIND.length()).replace("\"", "").strip())
                .orElseThrow(() -> new IllegalArgumentException("a CRD without spec.names.kind"));
        JsonClassDescription description = Class.forName("dev.partnerhub.api.v1alpha1." + kind)
                .getAnnotation(JsonClassDescription.class);
        if (description == null) {
            throw new IllegalStateException("dev.partnerhub.api.v1alpha1." + kind + " has no @JsonClassDescription");
        }
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.strip().equals(SCHEMA)) {
                String indent = line.substring(0, line.indexOf(SCHEMA)) + "  ";
                String described = indent + "description: \"" + description.value().replace("\\", "\\\\")
                        .replace("\"", "\\\"") + "\"";
                if (i + 1 < lines.size() && lines.get(i + 1).startsWith(indent + "description: ")) {
                    lines.set(i + 1, described);
                } else {
                    lines.add(i + 1, described);
                }
            }
        }
        return String.join("\n", lines) + "\n";
    }

    /** The CRD with its AGE column moved to the end of its version's printer columns. */
    static String ageLast(String crd) {
        List<String> lines = new ArrayList<>(crd.lines().toList());
        int start = lines.indexOf(AGE);
        if (start < 0) {
            return crd;
        }
        int end = start + 1;
        while (end < lines.size() && lines.get(end).startsWith("      ")) {
            end++;
        }
        List<String> column = new ArrayList<>(lines.subList(start, end));
        lines.subList(start, end).clear();
        int after = start;
        while (after < lines.size() && (lines.get(after).startsWith("    - ") || lines.get(after).startsWith("      "))) {
            after++;
        }
        lines.addAll(after, column);
        return String.join("\n", lines) + "\n";
    }
}
