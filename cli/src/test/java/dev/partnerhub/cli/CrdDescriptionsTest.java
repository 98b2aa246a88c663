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
 * Every kind and every property of its CRD has a description, so that {@code kubectl explain} documents each,
 * conditions and label selector sub-fields included. The committed CRDs are read (GeneratedFilesTest holds them equal to the
 * build's).
 */
class CrdDescriptionsTest {

    private static final Path CRDS = Path.of("..").toAbsolutePath().normalize().resolve("crds");

    @Test
    void everyKindAndEveryPropertyHasADescription() throws IOException {
        List<String> undescribed = new ArrayList<>();
        int properties = 0;
        try (Stream<Path> files = Files.list(CRDS)) {
            for (Path file : files.sorted().toList()) {
                JsonNode crd = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
                String kind = crd.path("spec").path("names").path("kind").asText();
                for (JsonNode version : crd.path("spec").path("versions")) {
                    JsonNode schema = version.path("schema").path("openAPIV3Schema");
                    if (schema.path("description").asText("").isBlank()) {
                        undescribed.add(kind + " (the kind)");
                    }
                    properties += walk(schema, kind, undescribed);
                }
            }
        }
        assertThat(properties).as("properties read").isGreaterThan(200);
        assertThat(undescribed).as("kinds and properties without a description (add @JsonClassDescription or "
                + "@JsonPropertyDescription)").isEmpty();
    }

    @Test
    void explainShowsTheConditionsReason() throws IOException {
        JsonNode crd = new ObjectMapper(new YAMLFactory()).readTree(CRDS.resolve(
                "customerusers.partnerhub.dev-v1.yml").toFile());
        JsonNode reason = crd.at("/spec/versions/0/schema/openAPIV3Schema/properties/status/properties/conditions"
                + "/items/properties/reason");
        assertThat(reason.path("description").asText()).contains("CamelCase");
    }

    private static int walk(JsonNode schema, String path, List<String> undescribed) {
        int count = 0;
        for (var it = schema.path("properties").fields(); it.hasNext(); ) {
            var property = it.next();
            String where = path + "." + property.getKey();
            count++;
            if (property.getValue().path("description").asText("").isBlank()) {
                undescribed.add(where);
            }
            count += walk(property.getValue(), where, undescribed);
        }
        if (schema.has("items")) {
            count += walk(schema.path("items"), path + "[]", undescribed);
        }
        if (schema.path("additionalProperties").isObject()) {
            count += walk(schema.path("additionalProperties"), path + "{}", undescribed);
        }
        return count;
    }
}
