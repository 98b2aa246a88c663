package dev.partnerhub.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The schemas of the stored CRDs, checked on every write of a custom resource as a real API server checks them:
 * types, required fields, enums, patterns, lengths and bounds from each version's {@code openAPIV3Schema}, and,
 * when the request asks for strict field validation (kubectl's default), no field the schema does not declare
 * (without it, as from the operator's client, an undeclared field is kept, where a real API server drops it).
 * The schema's CEL rules ({@code x-kubernetes-validations}) are not evaluated: the operator checks the same rules
 * and says so in the resource's status. The JSON-schema keywords of a CRD's structural schema are those of draft 4.
 */
final class CrdSchemas {

    /** A field the object breaks, and how. */
    record Violation(String field, String message, Kind kind) {

        /** As the API server's field errors name them. */
        enum Kind {
            INVALID("FieldValueInvalid"), NOT_FOUND("FieldValueNotFound"), REQUIRED("FieldValueRequired");

            final String reason;

            Kind(String reason) {
                this.reason = reason;
            }
        }

        boolean unknownField() {
            return kind == Kind.NOT_FOUND;
        }
    }

    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V4);
    private static final SchemaValidatorsConfig CONFIG = SchemaValidatorsConfig.builder()
            .pathType(PathType.LEGACY).formatAssertionsEnabled(false).build();

    /** By "apiVersion/kind" (partnerhub.dev/v1alpha1/Customer). */
    private final Map<String, Compiled> byResource = new ConcurrentHashMap<>();

    private record Compiled(JsonSchema lax, JsonSchema strict) {
    }

    /** A CRD written (created or changed): its versions' schemas replace those it had. */
    void put(JsonNode crd) {
        remove(crd);
        JsonNode spec = crd.path("spec");
        for (JsonNode version : spec.path("versions")) {
            JsonNode schema = version.path("schema").path("openAPIV3Schema");
            if (schema.isObject()) {
                ObjectNode lax = withObjectEnvelope(schema);
                String kind = spec.path("names").path("kind").asText();
                byResource.put(key(spec.path("group").asText() + "/" + version.path("name").asText(), kind),
                        new Compiled(FACTORY.getSchema(withoutExtensions(lax.deepCopy()), CONFIG),
                                FACTORY.getSchema(withoutExtensions(closed(lax.deepCopy())), CONFIG)));
            }
        }
    }

    /** A CRD deleted: its resources are no longer checked. */
    void remove(JsonNode crd) {
        JsonNode spec = crd.path("spec");
        String prefix = spec.path("group").asText() + "/";
        String suffix = "/" + spec.path("names").path("kind").asText();
        byResource.keySet().removeIf(k -> k.startsWith(prefix) && k.endsWith(suffix));
    }

    void clear() {
        byResource.clear();
    }

    /**
     * What an object of a resource breaks in its schema, sorted by field; empty when it conforms or no CRD declares
     * the resource. The object is the one to store, its null values already dropped ({@link #dropNulls}), as the API
     * server drops them before it validates.
     */
    List<Violation> violations(JsonNode object, boolean strict) {
        Compiled compiled = byResource.get(key(object.path("apiVersion").asText(), object.path("kind").asText()));
        if (compiled == null) {
            return List.of();
        }
        List<Violation> violations = new ArrayList<>();
        for (ValidationMessage message : (strict ? compiled.strict() : compiled.lax()).validate(object)) {
            String at = message.getInstanceLocation().toString().replaceFirst("^\\$\\.?", "");
            boolean unknown = "additionalProperties".equals(message.getType());
            // A missing property is named itself, "Required value", as the API server names it.
            boolean required = "required".equals(message.getType());
            String field = unknown || required ? join(at, message.getProperty()) : at;
            violations.add(new Violation(field.isEmpty() ? "<root>" : field, unknown ? "unknown field \"" + field
                    + "\"" : required ? "Required value" : message.getError(), unknown ? Violation.Kind.NOT_FOUND
                    : required ? Violation.Kind.REQUIRED : Violation.Kind.INVALID));
        }
        violations.sort(Comparator.comparing(Violation::field).thenComparing(Violation::message));
        return violations;
    }

    private static String join(String parent, String property) {
        return parent.isEmpty() ? property : parent + "." + property;
    }

    /** Every object also has apiVersion, kind and metadata, which a CRD's schema need not declare. */
    private static ObjectNode withObjectEnvelope(JsonNode schema) {
        ObjectNode copy = schema.deepCopy();
        ObjectNode properties = copy.withObjectProperty("properties");
        for (String field : List.of("apiVersion", "kind", "metadata")) {
            if (!properties.has(field)) {
                properties.putObject(field).put("type", "metadata".equals(field) ? "object" : "string");
            }
        }
        return copy;
    }

    /**
     * The same schema with no undeclared field allowed: every object schema that lists its properties, neither
     * opens them ({@code additionalProperties}) nor keeps unknown fields ({@code x-kubernetes-preserve-unknown-fields}).
     */
    private static JsonNode closed(JsonNode schema) {
        if (!schema.isObject()) {
            return schema;
        }
        ObjectNode node = (ObjectNode) schema;
        if (node.has("properties") && !node.has("additionalProperties")
                && !node.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
            node.put("additionalProperties", false);
        }
        node.path("properties").forEach(CrdSchemas::closed);
        closed(node.path("items"));
        closed(node.path("additionalProperties"));
        return node;
    }

    /**
     * Without Kubernetes' own keywords ({@code x-kubernetes-...}), which are not JSON Schema: their one effect on
     * what is accepted, keeping unknown fields, is in {@link #closed}; the CEL rules are not evaluated here.
     */
    private static JsonNode withoutExtensions(JsonNode node) {
        if (node.isObject()) {
            ((ObjectNode) node).properties().removeIf(field -> field.getKey().startsWith("x-kubernetes-"));
            node.forEach(CrdSchemas::withoutExtensions);
        } else if (node.isArray()) {
            node.forEach(CrdSchemas::withoutExtensions);
        }
        return node;
    }

    /** Removes every null value of a JSON tree, at any depth; whether there was one. */
    static boolean dropNulls(JsonNode node) {
        boolean dropped = false;
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (field.getValue().isNull()) {
                    fields.remove();
                    dropped = true;
                } else {
                    dropped |= dropNulls(field.getValue());
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                dropped |= dropNulls(element);
            }
        }
        return dropped;
    }

    private static String key(String apiVersion, String kind) {
        return apiVersion + "/" + kind;
    }
}
