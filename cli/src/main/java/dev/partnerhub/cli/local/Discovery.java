package dev.partnerhub.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The local API's discovery documents, as kubectl reads them from a real API server: {@code /version}, {@code /api},
 * {@code /apis} and each group version, the built-in kinds the local mode serves and our kinds read from the stored
 * CRDs; and the same kinds for the OpenAPI v3 documents ({@link OpenApiV3}).
 */
final class Discovery {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final List<String[]> CORE = List.of(
            new String[] {"namespaces", "namespace", "Namespace", "false", "ns"},
            new String[] {"secrets", "secret", "Secret", "true", ""},
            new String[] {"configmaps", "configmap", "ConfigMap", "true", "cm"},
            new String[] {"events", "event", "Event", "true", "ev"},
            new String[] {"serviceaccounts", "serviceaccount", "ServiceAccount", "true", "sa"});

    private Discovery() {
    }

    /** The discovery document at {@code path}; null when the path is not one. */
    static JsonNode document(String path, Supplier<List<JsonNode>> crds) {
        return switch (path) {
            case "/version" -> MAPPER.createObjectNode().put("major", "1").put("minor", "30")
                    .put("gitVersion", "v1.30.0-partnerhub-local").put("platform", "linux/amd64");
            case "/api" -> apiVersions();
            case "/apis" -> groups(crds.get());
            case "/api/v1" -> resourceList("v1", CORE.stream().map(Discovery::coreResource).toList());
            case "/apis/apiextensions.k8s.io/v1" -> resourceList("apiextensions.k8s.io/v1", List.of(MAPPER
                    .createObjectNode().put("name", "customresourcedefinitions").put("singularName",
                            "customresourcedefinition").put("namespaced", false)
                    .put("kind", "CustomResourceDefinition").set("verbs", verbs())));
            default -> groupVersion(path, crds);
        };
    }

    private static JsonNode apiVersions() {
        ObjectNode node = MAPPER.createObjectNode().put("kind", "APIVersions");
        node.putArray("versions").add("v1");
        node.putArray("serverAddressByClientCIDRs");
        return node;
    }

    private static JsonNode groups(List<JsonNode> crds) {
        ObjectNode list = MAPPER.createObjectNode().put("kind", "APIGroupList").put("apiVersion", "v1");
        ArrayNode groups = list.putArray("groups");
        groups.add(group("apiextensions.k8s.io", List.of("v1")));
        Map<String, List<String>> byGroup = new LinkedHashMap<>();
        for (JsonNode crd : crds) {
            String group = crd.path("spec").path("group").asText();
            crd.path("spec").path("versions").forEach(v -> byGroup.computeIfAbsent(group, g -> new ArrayList<>())
                    .add(v.path("name").asText()));
        }
        byGroup.forEach((g, versions) -> groups.add(group(g, versions.stream().distinct().toList())));
        return list;
    }

    private static JsonNode groupVersion(String path, Supplier<List<JsonNode>> crds) {
        String[] parts = path.split("/");
        if (parts.length != 4 || !"apis".equals(parts[1])) {
            return null;
        }
        List<JsonNode> resources = new ArrayList<>();
        for (JsonNode crd : crds.get()) {
            JsonNode spec = crd.path("spec");
            boolean served = false;
            for (JsonNode v : spec.path("versions")) {
                served |= v.path("name").asText().equals(parts[3]);
            }
            if (!spec.path("group").asText().equals(parts[2]) || !served) {
                continue;
            }
            JsonNode names = spec.path("names");
            ObjectNode resource = MAPPER.createObjectNode().put("name", names.path("plural").asText())
                    .put("singularName", names.path("singular").asText())
                    .put("namespaced", "Namespaced".equals(spec.path("scope").asText()))
                    .put("kind", names.path("kind").asText());
            resource.set("verbs", verbs());
            resource.set("shortNames", names.path("shortNames").isMissingNode() ? MAPPER.createArrayNode()
                    : names.path("shortNames"));
            resource.set("categories", names.path("categories").isMissingNode() ? MAPPER.createArrayNode()
                    : names.path("categories"));
            resources.add(resource);
            resources.add(MAPPER.createObjectNode().put("name", names.path("plural").asText() + "/status")
                    .put("singularName", "").put("namespaced", true).put("kind", names.path("kind").asText())
                    .set("verbs", MAPPER.createArrayNode().add("get").add("patch").add("update")));
        }
        return resources.isEmpty() ? null : resourceList(parts[2] + "/" + parts[3], resources);
    }

    /** The kinds this API serves, with their schemas, for its OpenAPI documents. */
    static List<OpenApiV3.Kind> kinds(List<JsonNode> crds) {
        List<OpenApiV3.Kind> kinds = new ArrayList<>();
        CORE.forEach(r -> kinds.add(new OpenApiV3.Kind("", "v1", r[2], r[0], Boolean.parseBoolean(r[3]), null)));
        for (JsonNode crd : crds) {
            JsonNode spec = crd.path("spec");
            for (JsonNode version : spec.path("versions")) {
                JsonNode schema = version.path("schema").path("openAPIV3Schema");
                kinds.add(new OpenApiV3.Kind(spec.path("group").asText(), version.path("name").asText(),
                        spec.path("names").path("kind").asText(), spec.path("names").path("plural").asText(),
                        "Namespaced".equals(spec.path("scope").asText()), schema.isObject() ? schema : null));
            }
        }
        return kinds;
    }

    private static ObjectNode coreResource(String[] r) {
        ObjectNode node = MAPPER.createObjectNode().put("name", r[0]).put("singularName", r[1])
                .put("namespaced", Boolean.parseBoolean(r[3])).put("kind", r[2]);
        node.set("verbs", verbs());
        ArrayNode shortNames = node.putArray("shortNames");
        if (!r[4].isEmpty()) {
            shortNames.add(r[4]);
        }
        return node;
    }

    private static ObjectNode group(String name, List<String> versions) {
        ObjectNode group = MAPPER.createObjectNode().put("name", name);
        ArrayNode list = group.putArray("versions");
        versions.forEach(v -> list.addObject().put("groupVersion", name + "/" + v).put("version", v));
        group.putObject("preferredVersion").put("groupVersion", name + "/" + versions.get(0))
                .put("version", versions.get(0));
        return group;
    }

    private static ObjectNode resourceList(String groupVersion, List<? extends JsonNode> resources) {
        ObjectNode list = MAPPER.createObjectNode().put("kind", "APIResourceList").put("apiVersion", "v1")
                .put("groupVersion", groupVersion);
        list.putArray("resources").addAll(resources);
        return list;
    }

    private static ArrayNode verbs() {
        ArrayNode verbs = MAPPER.createArrayNode();
        List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch").forEach(verbs::add);
        return verbs;
    }
}
