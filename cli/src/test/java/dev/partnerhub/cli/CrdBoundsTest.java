package dev.partnerhub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Everything a person writes is bounded in the committed CRDs: each string of a spec has a maxLength (or an enum),
 * each list a maxItems and each map a maxProperties, so that the API server refuses a huge manifest and CEL rules
 * stay within their cost budget.
 */
class CrdBoundsTest {

    private static final Path CRDS = Path.of("..").toAbsolutePath().normalize().resolve("crds");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Test
    void everyStringListAndMapOfEverySpecIsBounded() throws IOException {
        List<String> unbounded = new ArrayList<>();
        List<Path> files;
        try (Stream<Path> listed = Files.list(CRDS)) {
            files = listed.filter(p -> p.toString().endsWith(".yml")).sorted().toList();
        }
        assertThat(files).hasSize(4);
        for (Path file : files) {
            JsonNode crd = YAML.readTree(file.toFile());
            String kind = crd.at("/spec/names/kind").asText();
            for (JsonNode version : crd.at("/spec/versions")) {
                walk(version.at("/schema/openAPIV3Schema/properties/spec"), kind + " spec", unbounded);
            }
        }
        assertThat(unbounded).isEmpty();
    }

    private static void walk(JsonNode schema, String path, List<String> unbounded) {
        switch (schema.path("type").asText()) {
            case "string" -> {
                if (!schema.has("maxLength") && !schema.has("enum")) {
                    unbounded.add(path + " (string without maxLength)");
                }
            }
            case "array" -> {
                if (!schema.has("maxItems")) {
                    unbounded.add(path + " (list without maxItems)");
                }
                walk(schema.path("items"), path + "[]", unbounded);
            }
            case "object" -> {
                schema.path("properties").fields().forEachRemaining(p -> walk(p.getValue(), path + "." + p.getKey(),
                        unbounded));
                if (schema.has("additionalProperties")) {
                    if (!schema.has("maxProperties")) {
                        unbounded.add(path + " (map without maxProperties)");
                    }
                    walk(schema.path("additionalProperties"), path + "{}", unbounded);
                }
            }
            default -> {
            }
        }
    }
}
