package dev.partnerhub.cli.csv;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Turns the users of a CSV file into the customer's CustomerUser and LicenseAssignment manifests, one file per
 * object: the portal's add, modify and delete (every package FALSE), and its two import behaviours for licences.
 * Nothing is written when a row is bad, unless bad rows are to be skipped.
 */
public final class CsvImport {

    /** The label of the LicenseAssignments the import writes; it never edits one a person wrote. */
    public static final String MANAGED_BY = "partnerhub.dev/managed-by";
    public static final String HUBCTL_CSV = "hubctl-csv";

    /** The portal's CSV import behaviours. */
    public enum Behaviour {
        /** "Add only services": licences are added, never removed. */
        ADD_ONLY,
        /** "Add and remove services": the file decides, for the users it lists, who holds each licence it names. */
        ADD_AND_REMOVE
    }

    /** What an import did (or would have done, when it wrote nothing because of problems). */
    public record Outcome(List<Problem> problems, List<Problem> warnings, int created, int changed, int removed,
            int unchanged, int assignmentsWritten, int assignmentsRemoved, boolean written) {
    }

    private final String customer;
    private final String namespace;
    private final Behaviour behaviour;
    private final boolean skipInvalid;

    public CsvImport(String customer, String namespace, Behaviour behaviour, boolean skipInvalid) {
        this.customer = customer;
        this.namespace = namespace;
        this.behaviour = behaviour;
        this.skipInvalid = skipInvalid;
    }

    public Outcome run(UserCsvReader.Result csv, Path dir) throws IOException {
        List<Problem> problems = new ArrayList<>(csv.problems());
        List<Problem> warnings = new ArrayList<>(csv.warnings());
        ManifestFolder folder = ManifestFolder.read(dir, customer);
        Map<String, Set<String>> holders = currentHolders(folder);
        Set<String> touchedLicences = new TreeSet<>();
        Set<String> names = new HashSet<>(folder.takenNames);
        Map<Path, ObjectNode> writes = new LinkedHashMap<>();
        List<Path> removals = new ArrayList<>();
        int unchanged = 0;
        for (UserRow row : csv.users()) {
            ManifestFolder.Manifest existing = folder.users.get(row.email().toLowerCase(Locale.ROOT));
            if (existing != null && !existing.alone()) {
                problems.add(new Problem(row.line(), null, row.email() + " is declared in " + existing.file()
                        .getFileName() + " with other objects; hubctl keeps one file per user: move it to a file of "
                        + "its own"));
                continue;
            }
            if (row.delete()) {
                if (existing == null) {
                    warnings.add(new Problem(row.line(), null, "every package is FALSE (delete) but " + row.email()
                            + " has no manifest here; nothing to delete"));
                } else {
                    removals.add(existing.file());
                    holders.values().forEach(h -> h.remove(existing.name()));
                    touchedLicences.addAll(holders.keySet());
                }
                continue;
            }
            String name = existing != null ? existing.name() : ManifestFolder.uniqueName(row.email(), names);
            ObjectNode user = existing != null ? existing.object().deepCopy() : newUser(name);
            apply(row, (ObjectNode) user.get("spec"));
            String problem = callingProblem((ObjectNode) user.get("spec"));
            if (problem != null) {
                problems.add(new Problem(row.line(), Column.PHONE_NUMBER.header(), problem));
                continue;
            }
            Path file = existing != null ? existing.file() : dir.resolve(name + ".yaml");
            if (existing != null && existing.object().equals(user)) {
                unchanged++;
            } else {
                writes.put(file, user);
            }
            licences(row, name, holders, touchedLicences, warnings);
        }
        if (!problems.isEmpty() && !skipInvalid) {
            return new Outcome(problems, warnings, 0, 0, 0, 0, 0, 0, false);
        }
        int created = 0;
        int changed = 0;
        for (Map.Entry<Path, ObjectNode> w : writes.entrySet()) {
            boolean existed = Files.exists(w.getKey());
            ManifestFolder.write(w.getKey(), w.getValue());
            created += existed ? 0 : 1;
            changed += existed ? 1 : 0;
        }
        for (Path file : removals) {
            Files.deleteIfExists(file);
        }
        int assignmentsWritten = 0;
        int assignmentsRemoved = 0;
        for (String licence : touchedLicences) {
            ManifestFolder.Manifest existing = folder.assignments.get(licence);
            Path file = existing != null ? existing.file() : dir.resolve(assignmentName(licence) + ".yaml");
            Set<String> who = holders.getOrDefault(licence, Set.of());
            if (who.isEmpty()) {
                assignmentsRemoved += Files.deleteIfExists(file) ? 1 : 0;
            } else if (ManifestFolder.write(file, assignment(existing, licence, who))) {
                assignmentsWritten++;
            }
        }
        return new Outcome(problems, warnings, created, changed, removals.size(), unchanged, assignmentsWritten,
                assignmentsRemoved, true);
    }

    /** Who holds each licence in the import's own assignments now (the folder reads no other). */
    private static Map<String, Set<String>> currentHolders(ManifestFolder folder) {
        Map<String, Set<String>> holders = new LinkedHashMap<>();
        folder.assignments.forEach((licence, m) -> {
            Set<String> names = new TreeSet<>();
            m.object().path("spec").path("users").path("names").forEach(n -> names.add(n.asText()));
            holders.put(licence, names);
        });
        return holders;
    }

    private void licences(UserRow row, String name, Map<String, Set<String>> holders, Set<String> touched,
            List<Problem> warnings) {
        row.licences().forEach((licence, on) -> {
            Set<String> who = holders.computeIfAbsent(licence, l -> new TreeSet<>());
            if (on) {
                touched.add(licence);
                who.add(name);
            } else if (behaviour == Behaviour.ADD_AND_REMOVE) {
                touched.add(licence);
                who.remove(name);
            } else if (who.contains(name)) {
                warnings.add(new Problem(row.line(), Column.licence(licence).header(), "FALSE, but the licence stays: "
                        + "--behaviour add-only never removes a licence (add-and-remove does)"));
            }
        });
    }

    private ObjectNode newUser(String name) {
        ObjectNode user = ManifestFolder.YAML.createObjectNode();
        user.put("apiVersion", "partnerhub.dev/v1alpha1").put("kind", "CustomerUser");
        ObjectNode metadata = user.putObject("metadata").put("name", name);
        if (namespace != null) {
            metadata.put("namespace", namespace);
        }
        user.putObject("spec").putObject("customerRef").put("name", customer);
        return user;
    }

    /** Sets the fields of the columns the file has; an empty cell clears its field. */
    private static void apply(UserRow row, ObjectNode spec) {
        spec.put("email", row.email());
        set(spec, "firstName", row.fields(), Column.Kind.FIRST_NAME);
        set(spec, "lastName", row.fields(), Column.Kind.LAST_NAME);
        set(spec, "displayName", row.fields(), Column.Kind.DISPLAY_NAME);
        if (row.packageId() != null) {
            spec.put("package", row.packageId());
        }
        set(spec, "phoneNumber", row.fields(), Column.Kind.PHONE_NUMBER);
        set(spec, "extension", row.fields(), Column.Kind.EXTENSION);
        set(spec, "usageLocation", row.fields(), Column.Kind.USAGE_LOCATION);
        set(spec, "preferredWebexSite", row.fields(), Column.Kind.PREFERRED_SITE);
    }

    private static void set(ObjectNode spec, String field, Map<Column.Kind, String> fields, Column.Kind kind) {
        if (!fields.containsKey(kind)) {
            return;
        }
        String value = fields.get(kind);
        if (value == null || value.isEmpty()) {
            spec.remove(field);
        } else {
            spec.put(field, value);
        }
    }

    private static String callingProblem(ObjectNode spec) {
        String pkg = spec.path("package").asText(null);
        if (pkg != null && Column.CALLING_PACKAGES.contains(pkg) && !spec.hasNonNull("phoneNumber")
                && !spec.hasNonNull("extension")) {
            return "package " + pkg + " gives the user a line: a Phone Number (E.164, with its +) or an Extension "
                    + "is required";
        }
        return null;
    }

    private ObjectNode assignment(ManifestFolder.Manifest existing, String licence, Set<String> who) {
        ObjectNode a;
        if (existing != null) {
            a = existing.object().deepCopy();
        } else {
            a = ManifestFolder.YAML.createObjectNode();
            a.put("apiVersion", "partnerhub.dev/v1alpha1").put("kind", "LicenseAssignment");
            ObjectNode metadata = a.putObject("metadata").put("name", assignmentName(licence));
            if (namespace != null) {
                metadata.put("namespace", namespace);
            }
            metadata.putObject("labels").put(MANAGED_BY, HUBCTL_CSV);
            ObjectNode spec = a.putObject("spec");
            spec.putObject("customerRef").put("name", customer);
            spec.put("license", licence);
        }
        ObjectNode spec = (ObjectNode) a.get("spec");
        if (behaviour == Behaviour.ADD_AND_REMOVE || !spec.has("mode")) {
            spec.put("mode", behaviour == Behaviour.ADD_AND_REMOVE ? "Exclusive" : "Additive");
        }
        ArrayNode names = spec.putObject("users").putArray("names");
        who.forEach(names::add);
        return a;
    }

    private String assignmentName(String licence) {
        return ManifestFolder.slug(customer + "-" + licence);
    }

    static boolean isManaged(JsonNode assignment) {
        return HUBCTL_CSV.equals(assignment.path("metadata").path("labels").path(MANAGED_BY).asText());
    }
}
