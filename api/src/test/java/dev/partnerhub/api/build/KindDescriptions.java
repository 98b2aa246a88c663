package dev.partnerhub.api.build;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A step of the api module's build (process-test-classes, after Fabric8's CRD generator): writes each kind's
 * description, its class's {@link JsonClassDescription}, at the top of its CRD's schema, where {@code kubectl
 * explain KIND} reads it. Fabric8's generator writes property descriptions only (fabric8io/kubernetes-client#7375).
 * The line goes right under {@code openAPIV3Schema:}, in the generator's own style, so that nothing else moves.
 */
public final class KindDescriptions {

    private static final String SCHEMA = "openAPIV3Schema:";
    private static final String KIND = "    kind: ";

    private KindDescriptions() {
    }

    public static void main(String[] args) throws IOException, ClassNotFoundException {
        Path generated = Path.of(args[0]);
        try (Stream<Path> files = Files.list(generated)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yml")).sorted().toList()) {
                Files.writeString(file, describe(Files.readString(file)));
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
}
