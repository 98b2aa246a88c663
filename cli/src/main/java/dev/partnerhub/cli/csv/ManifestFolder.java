package dev.partnerhub.cli.csv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The manifests of one customer in a folder: its CustomerUsers by email and the LicenseAssignments a CSV import
 * wrote, by licence, each with the file that holds it (assignments a person wrote are never edited). Writes a file only when its text changes, so that an import that changes nothing
 * leaves no diff.
 */
public final class ManifestFolder {

    public static final YAMLMapper YAML = YAMLMapper.builder(YAMLFactory.builder()
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES).disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS).build()).build();

    /** One object and the file that holds it; {@code alone}: the file holds nothing else. */
    record Manifest(Path file, ObjectNode object, boolean alone) {
        String name() {
            return object.path("metadata").path("name").asText();
        }
    }

    final Path dir;
    final Map<String, Manifest> users = new LinkedHashMap<>();
    final Map<String, Manifest> assignments = new LinkedHashMap<>();
    /** Every CustomerUser name in the folder, of any customer: a new name must not take one of them. */
    final List<String> takenNames = new ArrayList<>();

    private ManifestFolder(Path dir) {
        this.dir = dir;
    }

    /** Reads every YAML file of the folder (none when it does not exist yet). */
    static ManifestFolder read(Path dir, String customer) throws IOException {
        ManifestFolder folder = new ManifestFolder(dir);
        if (!Files.isDirectory(dir)) {
            return folder;
        }
        List<Path> files;
        try (Stream<Path> list = Files.list(dir)) {
            files = list.filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml")).sorted().toList();
        }
        for (Path file : files) {
            List<JsonNode> docs = new ArrayList<>();
            try (MappingIterator<JsonNode> it = YAML.readerFor(JsonNode.class).readValues(file.toFile())) {
                while (it.hasNext()) {
                    JsonNode doc = it.next();
                    if (doc != null && doc.isObject()) {
                        docs.add(doc);
                    }
                }
            } catch (IOException e) {
                throw new IOException(file + " is not YAML hubctl can read: " + e.getMessage(), e);
            }
            for (JsonNode doc : docs) {
                String kind = doc.path("kind").asText();
                boolean ours = customer.equals(doc.path("spec").path("customerRef").path("name").asText());
                Manifest m = new Manifest(file, (ObjectNode) doc, docs.size() == 1);
                if (kind.equals("CustomerUser")) {
                    folder.takenNames.add(m.name());
                    if (ours && doc.path("spec").hasNonNull("email")) {
                        folder.users.put(doc.path("spec").path("email").asText().toLowerCase(Locale.ROOT), m);
                    }
                } else if (kind.equals("LicenseAssignment") && ours && CsvImport.isManaged(doc)) {
                    folder.assignments.put(doc.path("spec").path("license").asText(), m);
                }
            }
        }
        return folder;
    }

    /** Writes the object to its file when the text differs; whether it did. */
    public static boolean write(Path file, ObjectNode object) throws IOException {
        String text = YAML.writeValueAsString(object);
        if (Files.exists(file) && Files.readString(file, StandardCharsets.UTF_8).equals(text)) {
            return false;
        }
        Files.createDirectories(file.getParent());
        Files.writeString(file, text, StandardCharsets.UTF_8);
        return true;
    }

    /** A DNS-1123 name from a text: lower case, letters, digits and dashes, at most 63 characters. */
    public static String slug(String text) {
        String s = text.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (s.length() > 63) {
            String hash = Integer.toHexString(text.hashCode() & 0xfffffff);
            s = s.substring(0, 62 - hash.length()).replaceAll("-+$", "") + "-" + hash;
        }
        return s.isEmpty() ? "user" : s;
    }

    /**
     * A new object's name from a user's key: the local part of an email (or a BroadWorks user ID's), else the whole
     * key when another object has that name, numbered when that is taken too. Adds it to {@code taken}.
     */
    public static String uniqueName(String key, Set<String> taken) {
        String base = slug(key.contains("@") ? key.substring(0, key.indexOf('@')) : key);
        String name = taken.contains(base) ? slug(key) : base;
        for (int i = 2; taken.contains(name); i++) {
            name = slug(key) + "-" + i;
        }
        taken.add(name);
        return name;
    }
}
