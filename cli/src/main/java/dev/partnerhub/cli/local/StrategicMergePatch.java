package dev.partnerhub.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;

/**
 * kubectl patches built-in kinds (Secrets, Namespaces, ConfigMaps) with a strategic merge patch, which Fabric8's
 * CRUD dispatcher refuses (415), so re-applying `samples/` failed on its Secrets. A strategic merge patch without
 * directives merges as a JSON merge patch does (maps merged, lists replaced, null removes): kubectl adds a directive
 * ({@code $setElementOrder/...}, {@code $patch}, {@code $retainKeys}, {@code $deleteFromPrimitiveList/...}) wherever
 * the two would differ. Such a patch is taken as a merge patch; one with a directive is refused, naming it.
 */
final class StrategicMergePatch {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    static final String CONTENT_TYPE = "application/strategic-merge-patch+json";

    private StrategicMergePatch() {
    }

    /** Whether a request is a strategic merge patch. */
    static boolean is(RecordedRequest request) {
        String type = request.getHeader("Content-Type");
        return "PATCH".equals(request.getMethod()) && type != null && type.startsWith(CONTENT_TYPE);
    }

    /** The first directive of a patch (a key that begins with $, at any depth), or null when it has none. */
    static String directive(String body) {
        try {
            return directive(MAPPER.readTree(body));
        } catch (IOException e) {
            return null; // not JSON: the merge patch it is forwarded as is refused for that
        }
    }

    /** The same request as a JSON merge patch: what a strategic merge patch without directives equals. */
    static RecordedRequest asMergePatch(RecordedRequest request, String body) {
        return new RecordedRequest(request.getHttpVersion(), request.method(), request.getPath(),
                request.getHeaders().newBuilder().set("Content-Type", "application/merge-patch+json").build(),
                new Buffer(body.getBytes(StandardCharsets.UTF_8)));
    }

    /** The 415 reply to a strategic merge patch with a directive. */
    static Status refusal(String directive) {
        return new StatusBuilder().withStatus("Failure").withCode(415).withReason("UnsupportedMediaType")
                .withMessage("the local mode's API takes a strategic merge patch only as a JSON merge patch, and this"
                        + " one has the directive " + directive + ", which a merge patch cannot express;"
                        + " use kubectl replace, or delete the object and apply it again").build();
    }

    private static String directive(JsonNode node) {
        if (node.isObject()) {
            Iterator<String> names = node.fieldNames();
            while (names.hasNext()) {
                String name = names.next();
                if (name.startsWith("$")) {
                    return name;
                }
                String inner = directive(node.get(name));
                if (inner != null) {
                    return inner;
                }
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                String inner = directive(element);
                if (inner != null) {
                    return inner;
                }
            }
        }
        return null;
    }
}
