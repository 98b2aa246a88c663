package dev.partnerhub.e2e.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.rbac.PolicyRule;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The API server's audit log, read as what one user asked for: which verbs on which resources, and which were refused. */
public final class AuditLog {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** One permission as RBAC grants it: an API group ("" for the core group), a resource (or resource/subresource), a verb. */
    public record Access(String group, String resource, String verb) implements Comparable<Access> {
        @Override
        public int compareTo(Access other) {
            return toString().compareTo(other.toString());
        }

        @Override
        public String toString() {
            return (group.isEmpty() ? "core" : group) + " " + resource + " " + verb;
        }
    }

    private static final Set<String> WRITES = Set.of("create", "update", "patch", "delete");

    private final Set<Access> used = new TreeSet<>();
    private final Set<Access> refused = new TreeSet<>();
    private final Set<String> written = new TreeSet<>();

    private AuditLog() {
    }

    /** The requests {@code username} made on resources (not discovery), each once. */
    public static AuditLog of(Path file, String username) {
        AuditLog log = new AuditLog();
        try {
            for (String line : Files.readAllLines(file)) {
                JsonNode event = MAPPER.readTree(line);
                JsonNode object = event.path("objectRef");
                if (!username.equals(event.path("user").path("username").asText()) || object.isMissingNode()) {
                    continue;
                }
                String resource = object.path("resource").asText() + (object.hasNonNull("subresource")
                        ? "/" + object.path("subresource").asText() : "");
                Access access = new Access(object.path("apiGroup").asText(""), resource, event.path("verb").asText());
                log.used.add(access);
                if (WRITES.contains(access.verb()) && object.hasNonNull("name")) {
                    log.written.add(resource + " " + object.path("name").asText());
                }
                // A 403 that RBAC decided: an admission plugin's 403 (an Event in a namespace being deleted) is
                // allowed by the roles and refused for another reason.
                if (event.path("responseStatus").path("code").asInt() == 403 && "forbid".equals(event
                        .path("annotations").path("authorization.k8s.io/decision").asText())) {
                    log.refused.add(access);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return log;
    }

    public Set<Access> used() {
        return used;
    }

    /** The objects this user created, changed or deleted, as "resource[/subresource] name". */
    public Set<String> written() {
        return written;
    }

    /** Requests the API server refused for want of a permission (HTTP 403, RBAC's decision). */
    public Set<Access> refused() {
        return refused;
    }

    /** Every permission these rules (of a ClusterRole or a Role) grant, one per group, resource and verb. */
    public static Set<Access> granted(List<PolicyRule> rules) {
        Set<Access> granted = new TreeSet<>();
        rules.forEach(rule -> rule.getApiGroups().forEach(group -> rule.getResources().forEach(resource ->
                rule.getVerbs().forEach(verb -> granted.add(new Access(group, resource, verb))))));
        return granted;
    }
}
