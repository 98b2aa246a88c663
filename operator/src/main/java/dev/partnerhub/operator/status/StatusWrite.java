package dev.partnerhub.operator.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.partnerhub.api.v1alpha1.ConditionedStatus;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import java.net.HttpURLConnection;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * The write at the end of every reconcile ({@link StatusRound}): the status only when it changed, a Ready transition
 * logged once. The write is one JSON Patch that replaces the whole status object: unlike the framework's
 * diff against the cached copy it cannot address array indices that a stale copy got wrong, and unlike a merge
 * patch it replaces arrays on the Fabric8 mock too (the mock appends arrays on a merge patch, contrary to RFC 7386).
 * It carries the resource version the reconcile read, so it never overwrites a newer status (another replica's,
 * or one written while this reconcile ran): the API server answers 409 and the reconcile runs again.
 */
final class StatusWrite {

    private static final Logger LOG = Logger.getLogger(StatusWrite.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StatusWrite() {
    }

    /** Writes the status if it differs from {@code previous}; returns whether it wrote. */
    static <S extends ConditionedStatus, P extends CustomResource<?, S>> boolean patch(Context<P> context,
            P resource, S previous, S status) {
        resource.setStatus(status);
        if (!StatusSupport.differs(previous, status)) {
            return false;
        }
        String before = Conditions.reason(previous, Conditions.READY);
        String after = Conditions.reason(status, Conditions.READY);
        if (!Objects.equals(before, after)) {
            LOG.infof("%s %s/%s: Ready=%s (%s)", resource.getKind(), resource.getMetadata().getNamespace(),
                    resource.getMetadata().getName(), Conditions.isTrue(status, Conditions.READY), after);
        }
        P written;
        try {
            written = context.getClient().resource(resource).subresource("status")
                    .patch(PatchContext.of(PatchType.JSON), replaceStatus(resource.getMetadata().getResourceVersion(),
                            status));
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
                throw new StatusConflictException(resource.getKind() + " " + resource.getMetadata().getNamespace()
                        + "/" + resource.getMetadata().getName(), e);
            }
            throw e;
        }
        // Cached at once, so that the next reconcile starts from this status even before the informer has seen it:
        // the status is the operator's memory of what it created and assigned.
        context.eventSourceRetriever().getControllerEventSource().handleRecentResourceUpdate(
                ResourceID.fromResource(resource), written, resource);
        resource.getMetadata().setResourceVersion(written.getMetadata().getResourceVersion());
        return true;
    }

    /** Replaces the whole status, on the condition that the resource is still the version that was read. */
    private static String replaceStatus(String resourceVersion, Object status) {
        ArrayNode patch = JsonNodeFactory.instance.arrayNode();
        patch.addObject().put("op", "replace").put("path", "/metadata/resourceVersion").put("value", resourceVersion);
        patch.addObject().put("op", "add").put("path", "/status").set("value", MAPPER.valueToTree(status));
        return patch.toString();
    }
}
