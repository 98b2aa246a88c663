package dev.partnerhub.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The Fabric8 CRUD dispatcher plus what kubectl needs from a real API server: discovery ({@link Discovery}) and server-side
 * printing ({@code as=Table}) with each CRD's additionalPrinterColumns; the OpenAPI v3 documents
 * ({@link OpenApiV3}), and each custom resource checked against its CRD's schema when it is written
 * ({@link CrdSchemas}); kubectl's strategic merge patches of built-in kinds taken as merge patches
 * ({@link StrategicMergePatch}).
 */
final class DiscoveryDispatcher extends NameIndexedCrudDispatcher {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String CRDS = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";
    private static final String RULES_REVIEWS = "/apis/authorization.k8s.io/v1/selfsubjectrulesreviews";
    private final CrdSchemas schemas = new CrdSchemas();

    @Override
    public MockResponse dispatch(RecordedRequest request) {
        String path = request.getPath();
        String bare = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
        if ("GET".equals(request.getMethod()) && bare.startsWith("/openapi/")) {
            JsonNode document = OpenApiV3.document(bare, Discovery.kinds(crds()));
            return document == null ? status(new StatusBuilder().withStatus("Failure").withCode(404)
                    .withReason("NotFound").withMessage("the server could not find the requested resource: " + bare
                            + " (this API serves OpenAPI v3 only)").build()) : json(200, document);
        }
        if ("GET".equals(request.getMethod())) {
            JsonNode discovery = Discovery.document(bare, this::crds);
            if (discovery != null) {
                return json(200, discovery);
            }
        }
        if ("POST".equals(request.getMethod()) && bare.equals(RULES_REVIEWS)) {
            return json(201, everythingAllowed(request));
        }
        RecordedRequest forwarded = NamespaceNameLabel.added(request, bare);
        if (StrategicMergePatch.is(request)) {
            String body = request.getBody().readUtf8();
            String directive = StrategicMergePatch.directive(body);
            if (directive != null) {
                return status(StrategicMergePatch.refusal(directive));
            }
            forwarded = StrategicMergePatch.asMergePatch(request, body);
        }
        MockResponse response = super.dispatch(forwarded);
        String accept = request.getHeader("Accept");
        if ("GET".equals(request.getMethod()) && accept != null && accept.contains("as=Table") && response.code() == 200) {
            return tableOrAsIs(bare, response);
        }
        return response;
    }

    /**
     * The answer to a SelfSubjectRulesReview (the operator's framework asks one before it starts under leader
     * election): this API has no authorisation, so every verb on every resource, as a real API server answers a
     * cluster administrator.
     */
    private static JsonNode everythingAllowed(RecordedRequest request) {
        ObjectNode review = MAPPER.createObjectNode().put("apiVersion", "authorization.k8s.io/v1")
                .put("kind", "SelfSubjectRulesReview");
        review.putObject("metadata");
        try {
            review.set("spec", MAPPER.readTree(request.getBody().readUtf8()).path("spec"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ObjectNode status = review.putObject("status").put("incomplete", false);
        ObjectNode rule = status.putArray("resourceRules").addObject();
        rule.putArray("verbs").add("*");
        rule.putArray("apiGroups").add("*");
        rule.putArray("resources").add("*");
        status.putArray("nonResourceRules").addObject().putArray("verbs").add("*");
        ((ObjectNode) status.path("nonResourceRules").get(0)).putArray("nonResourceURLs").add("*");
        return review;
    }

    /**
     * Checks a custom resource against its CRD's schema before Fabric8 stores it (strictly when the request says
     * {@code fieldValidation=Strict}), stores it without null values, and keeps the schemas in step with the CRDs
     * written.
     */
    @Override
    public void processEvent(String path, AttributeSet pathAttributes, AttributeSet oldKey,
            GenericKubernetesResource resource, String newValue) {
        JsonNode object = newValue == null ? null : read(newValue);
        String stored = newValue;
        GenericKubernetesResource parsed = resource;
        if (object != null && CrdSchemas.dropNulls(object)) {
            // As an API server: a null in a merge patch removes its field (Fabric8 stores the null), and a null
            // field is not stored.
            stored = object.toString();
            parsed = resource == null ? null : MAPPER.convertValue(object, GenericKubernetesResource.class);
        }
        if (object != null) {
            List<CrdSchemas.Violation> violations = schemas.violations(object,
                    path.contains("fieldValidation=Strict"));
            if (!violations.isEmpty()) {
                throw new InvalidObject(object, violations).raise();
            }
        }
        String deletedValue = object == null && oldKey != null ? map.get(oldKey) : null;
        JsonNode deleted = deletedValue == null ? null : read(deletedValue);
        super.processEvent(path, pathAttributes, oldKey, parsed, stored);
        if (object != null && isCrd(object)) {
            schemas.put(object);
        } else if (deleted != null && isCrd(deleted)) {
            schemas.remove(deleted);
        }
    }

    private static boolean isCrd(JsonNode object) {
        return "CustomResourceDefinition".equals(object.path("kind").asText());
    }

    @Override
    public void reset() {
        super.reset();
        schemas.clear();
    }

    /** The stored CRDs, read through the CRUD dispatcher itself. */
    List<JsonNode> crds() {
        MockResponse response = super.handleGet(CRDS);
        List<JsonNode> crds = new ArrayList<>();
        if (response.code() == 200) {
            read(response.getBody().readUtf8()).path("items").forEach(crds::add);
        }
        return crds;
    }

    private MockResponse tableOrAsIs(String path, MockResponse response) {
        String body = response.getBody().readUtf8();
        JsonNode table = ServerSideTable.render(path, read(body), crds());
        return table == null ? new MockResponse().setResponseCode(200).setHeaders(response.getHeaders()).setBody(body)
                : json(200, table);
    }

    private static MockResponse status(Status status) {
        return new MockResponse().setResponseCode(status.getCode()).setHeader("Content-Type", "application/json")
                .setBody(Serialization.asJson(status));
    }

    private static MockResponse json(int code, JsonNode body) {
        try {
            return new MockResponse().setResponseCode(code).setHeader("Content-Type", "application/json")
                    .setBody(MAPPER.writeValueAsString(body));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonNode read(String body) {
        try {
            return MAPPER.readTree(body);
        } catch (IOException e) {
            return MAPPER.createObjectNode();
        }
    }
}
