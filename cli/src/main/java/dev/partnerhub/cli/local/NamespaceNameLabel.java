package dev.partnerhub.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.RecordedRequest;
import java.io.IOException;

/**
 * kube-apiserver labels every namespace with its own name ({@code kubernetes.io/metadata.name}, set on create and
 * update since Kubernetes 1.21, whatever the request says); the Fabric8 CRUD mock does not, so the embedded API adds
 * it to a namespace's create and replace. A selector on that label (a PartnerConnection's allowedNamespaces selecting
 * every namespace) then works in the local mode as on a cluster.
 */
final class NamespaceNameLabel {

    static final String LABEL = "kubernetes.io/metadata.name";
    private static final String NAMESPACES = "/api/v1/namespaces";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private NamespaceNameLabel() {
    }

    /** The request with the label set to the namespace's name, where it creates or replaces a namespace. */
    static RecordedRequest added(RecordedRequest request, String path) {
        boolean create = "POST".equals(request.getMethod()) && path.equals(NAMESPACES);
        boolean replace = "PUT".equals(request.getMethod()) && path.startsWith(NAMESPACES + "/")
                && path.indexOf('/', NAMESPACES.length() + 1) < 0;
        if (!create && !replace) {
            return request;
        }
        try {
            JsonNode body = MAPPER.readTree(request.getBody().getBytes());
            if (!(body instanceof ObjectNode namespace) || !(namespace.path("metadata") instanceof ObjectNode meta)
                    || !meta.path("name").isTextual()) {
                return request;
            }
            ObjectNode labels = meta.path("labels") instanceof ObjectNode existing ? existing : meta.putObject("labels");
            labels.put(LABEL, meta.path("name").asText());
            return new RecordedRequest(request.getHttpVersion(), request.method(), request.getPath(),
                    request.getHeaders(), new Buffer(MAPPER.writeValueAsBytes(namespace)));
        } catch (IOException e) {
            // Not JSON: the CRUD mock answers it as it would have.
            return request;
        }
    }
}
