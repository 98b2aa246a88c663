package dev.partnerhub.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import java.time.Instant;
import java.util.List;

/**
 * Renders a list or an object of a custom resource as a {@code meta.k8s.io/v1} Table, with the CRD's
 * additionalPrinterColumns evaluated as JSONPath and a {@code date} rendered as an age, as the real API server does
 * for {@code kubectl get}.
 */
final class ServerSideTable {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Configuration JSON_PATH = Configuration.defaultConfiguration()
            .addOptions(Option.SUPPRESS_EXCEPTIONS, Option.DEFAULT_PATH_LEAF_TO_NULL);

    private ServerSideTable() {
    }

    /** The Table for this response of a custom resource, or null when the path is not one of our CRDs. */
    static JsonNode render(String path, JsonNode body, List<JsonNode> crds) {
        JsonNode version = printerVersion(path, crds);
        if (version == null) {
            return null;
        }
        JsonNode columns = version.path("additionalPrinterColumns");
        ObjectNode table = MAPPER.createObjectNode().put("kind", "Table").put("apiVersion", "meta.k8s.io/v1");
        table.putObject("metadata").put("resourceVersion", body.path("metadata").path("resourceVersion").asText(""));
        ArrayNode definitions = table.putArray("columnDefinitions");
        definitions.addObject().put("name", "Name").put("type", "string").put("format", "name")
                .put("description", "Name of the resource").put("priority", 0);
        columns.forEach(c -> definitions.addObject().put("name", c.path("name").asText())
                .put("type", c.path("type").asText("string")).put("format", c.path("format").asText(""))
                .put("description", c.path("description").asText("")).put("priority", c.path("priority").asInt(0)));
        ArrayNode rows = table.putArray("rows");
        List<JsonNode> items = body.has("items") ? MAPPER.convertValue(body.path("items"),
                MAPPER.getTypeFactory().constructCollectionType(List.class, JsonNode.class)) : List.of(body);
        for (JsonNode item : items) {
            ObjectNode row = rows.addObject();
            ArrayNode cells = row.putArray("cells");
            cells.add(item.path("metadata").path("name").asText());
            String json = item.toString();
            columns.forEach(c -> cells.add(cell(json, c.path("jsonPath").asText(), c.path("type").asText("string"))));
            ObjectNode object = row.putObject("object").put("kind", "PartialObjectMetadata")
                    .put("apiVersion", "meta.k8s.io/v1");
            object.set("metadata", item.path("metadata"));
        }
        return table;
    }

    private static JsonNode cell(String json, String kubernetesPath, String type) {
        Object value = JsonPath.using(JSON_PATH).parse(json).read("$" + kubernetesPath);
        if (value instanceof List<?> list) {
            value = list.isEmpty() ? null : list.get(0);
        }
        if (value != null && "date".equals(type)) {
            // The server renders a date as an age, not the timestamp.
            return MAPPER.getNodeFactory().textNode(value instanceof String text ? HumanAge.of(text, Instant.now())
                    : "<invalid>");
        }
        return value == null ? MAPPER.nullNode() : MAPPER.valueToTree(value);
    }

    /** The CRD version whose columns apply to {@code /apis/<group>/<version>/[namespaces/<ns>/]<plural>[/<name>]}. */
    private static JsonNode printerVersion(String path, List<JsonNode> crds) {
        String[] parts = path.split("/");
        if (parts.length < 5 || !"apis".equals(parts[1])) {
            return null;
        }
        String plural = parts.length >= 7 && "namespaces".equals(parts[4]) ? parts[6] : parts[4];
        for (JsonNode crd : crds) {
            JsonNode spec = crd.path("spec");
            if (spec.path("group").asText().equals(parts[2]) && spec.path("names").path("plural").asText().equals(plural)) {
                for (JsonNode v : spec.path("versions")) {
                    if (v.path("name").asText().equals(parts[3])) {
                        return v;
                    }
                }
            }
        }
        return null;
    }
}
