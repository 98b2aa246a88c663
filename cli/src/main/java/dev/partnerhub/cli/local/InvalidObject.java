package dev.partnerhub.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.client.server.mock.crud.KubernetesCrudDispatcherException;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A write refused because the object breaks its CRD's schema, answered as a real API server answers it: 422
 * {@code Invalid} with one cause per field, or, when the only faults are fields the schema does not declare (which
 * counts only when the request asked for strict validation), 400 {@code BadRequest} ("strict decoding error: unknown
 * field ...").
 *
 * <p>Fabric8's CRUD handlers turn this exception into the reply ({@link #toStatusBody()}); they pass the final object
 * to {@code processEvent} before storing it, which is where it is checked, and that method does not declare the
 * exception, so it is thrown there unchecked ({@link #raise()}).
 */
final class InvalidObject extends KubernetesCrudDispatcherException {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final transient JsonNode status;

    InvalidObject(JsonNode object, List<CrdSchemas.Violation> violations) {
        this(status(object, violations));
    }

    private InvalidObject(ObjectNode status) {
        super(status.path("message").asText(), status.path("code").asInt());
        this.status = status;
    }

    @Override
    public String toStatusBody() {
        return status.toString();
    }

    /** Throws this from a method that does not declare it; Fabric8's handlers catch it by its type. */
    RuntimeException raise() {
        return InvalidObject.<RuntimeException>sneaky(this);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable e) throws E {
        throw (E) e;
    }

    private static ObjectNode status(JsonNode object, List<CrdSchemas.Violation> violations) {
        String kind = object.path("kind").asText();
        String apiVersion = object.path("apiVersion").asText();
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String name = object.path("metadata").path("name").asText();
        boolean strictOnly = violations.stream().allMatch(CrdSchemas.Violation::unknownField);
        String message = strictOnly
                ? kind + " in version \"" + apiVersion.substring(apiVersion.indexOf('/') + 1) + "\" cannot be handled as a "
                        + kind + ": strict decoding error: " + violations.stream().map(CrdSchemas.Violation::message)
                        .collect(Collectors.joining(", "))
                : kind + "." + group + " \"" + name + "\" is invalid: " + violations.stream()
                        .map(v -> v.unknownField() ? v.message() : v.field() + ": Invalid value: " + v.message())
                        .collect(Collectors.joining(", "));
        ObjectNode status = MAPPER.createObjectNode().put("kind", "Status").put("apiVersion", "v1");
        status.putObject("metadata");
        status.put("status", "Failure").put("message", message)
                .put("reason", strictOnly ? "BadRequest" : "Invalid");
        ObjectNode details = status.putObject("details").put("name", name).put("group", group).put("kind", kind);
        ArrayNode causes = details.putArray("causes");
        for (CrdSchemas.Violation v : violations) {
            causes.addObject().put("reason", v.unknownField() ? "FieldValueNotFound" : "FieldValueInvalid")
                    .put("message", v.message()).put("field", v.field());
        }
        status.put("code", strictOnly ? 400 : 422);
        return status;
    }
}
