package dev.partnerhub.cli.local;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The API's OpenAPI v3 documents, as kubectl reads them: the root ({@code /openapi/v3}) lists one document per
 * group version, and each document has the kinds' schemas (for {@code kubectl explain}) and, for each kind, a
 * patch operation that takes {@code fieldValidation}, which tells kubectl that the server validates what it is sent
 * (it then asks for strict validation instead of checking against the protobuf OpenAPI v2 document, which this API
 * does not serve). The custom resources' schemas come from the stored CRDs; the core kinds the local mode serves
 * are documented as objects of any content: they are stored as they are sent.
 */
final class OpenApiV3 {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String ROOT = "/openapi/v3";

    /** A kind of a group version: its plural, whether it is namespaced, and its schema. */
    record Kind(String group, String version, String kind, String plural, boolean namespaced, JsonNode schema) {
    }

    private OpenApiV3() {
    }

    /** The document at this path ({@code /openapi/v3} or one group version's), or null if there is none. */
    static JsonNode document(String path, List<Kind> kinds) {
        Map<String, List<Kind>> byGroupVersion = new LinkedHashMap<>();
        for (Kind kind : kinds) {
            byGroupVersion.computeIfAbsent(groupVersionPath(kind), k -> new ArrayList<>()).add(kind);
        }
        if (ROOT.equals(path)) {
            ObjectNode root = MAPPER.createObjectNode();
            ObjectNode paths = root.putObject("paths");
            byGroupVersion.forEach((gv, members) -> paths.putObject(gv).put("serverRelativeURL",
                    ROOT + "/" + gv + "?hash=" + hash(groupVersionDocument(members))));
            return root;
        }
        if (path.startsWith(ROOT + "/")) {
            List<Kind> members = byGroupVersion.get(path.substring(ROOT.length() + 1));
            return members == null ? null : groupVersionDocument(members);
        }
        return null;
    }

    private static ObjectNode groupVersionDocument(List<Kind> kinds) {
        ObjectNode doc = MAPPER.createObjectNode().put("openapi", "3.0.0");
        doc.putObject("info").put("title", "Kubernetes").put("version", "v1.30.0-partnerhub-local");
        ObjectNode paths = doc.putObject("paths");
        ObjectNode schemas = doc.putObject("components").putObject("schemas");
        for (Kind kind : kinds) {
            ObjectNode patch = paths.putObject(objectPath(kind)).putObject("patch");
            patch.set("x-kubernetes-group-version-kind", gvk(kind));
            patch.putArray("parameters").addObject().put("name", "fieldValidation").put("in", "query")
                    .putObject("schema").put("type", "string");
            patch.putObject("responses").putObject("200").put("description", "OK");
            ObjectNode schema = kind.schema() == null ? MAPPER.createObjectNode().put("type", "object")
                    .put("x-kubernetes-preserve-unknown-fields", true) : kind.schema().deepCopy();
            ArrayNode gvks = schema.putArray("x-kubernetes-group-version-kind");
            gvks.add(gvk(kind));
            schemas.set(schemaName(kind), schema);
        }
        return doc;
    }

    private static String groupVersionPath(Kind kind) {
        return kind.group().isEmpty() ? "api/" + kind.version() : "apis/" + kind.group() + "/" + kind.version();
    }

    private static String objectPath(Kind kind) {
        return "/" + groupVersionPath(kind) + (kind.namespaced() ? "/namespaces/{namespace}/" : "/") + kind.plural()
                + "/{name}";
    }

    private static ObjectNode gvk(Kind kind) {
        return MAPPER.createObjectNode().put("group", kind.group()).put("version", kind.version())
                .put("kind", kind.kind());
    }

    /** As the API server names them: the group reversed, then the version and the kind (io.k8s.api.core.v1.Secret). */
    private static String schemaName(Kind kind) {
        if (kind.group().isEmpty()) {
            return "io.k8s.api.core." + kind.version() + "." + kind.kind();
        }
        List<String> parts = new ArrayList<>(List.of(kind.group().split("\\.")));
        Collections.reverse(parts);
        return String.join(".", parts) + "." + kind.version() + "." + kind.kind();
    }

    private static String hash(JsonNode document) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-512")
                    .digest(MAPPER.writeValueAsString(document).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().withUpperCase().formatHex(digest);
        } catch (NoSuchAlgorithmException | JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
