package dev.partnerhub.operator.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.partnerhub.api.v1alpha1.ConditionedStatus;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.PrimaryUpdateAndCacheUtils;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Duration;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * The end of every reconcile: write the status only when it changed, log a Ready transition once, and say
 * when to look again. The write is one JSON Patch operation that replaces the whole status object: unlike
 * the framework's diff against the cached copy it cannot address array indices that a stale copy got wrong,
 * and unlike a merge patch it replaces arrays on the Fabric8 mock too (the mock appends arrays on a merge
 * patch, contrary to RFC 7386). No server-side apply is needed; only the operator writes status.
 */
public final class StatusWrite {

    private static final Logger LOG = Logger.getLogger(StatusWrite.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StatusWrite() {
    }

    /**
     * @param previous the status the resource arrived with
     * @param next     when to reconcile again without an event; null to wait for the next event
     */
    public static <S extends ConditionedStatus, P extends CustomResource<?, S>> UpdateControl<P> finish(
            Context<P> context, P resource, S previous, S status, Duration next) {
        patch(context, resource, previous, status);
        UpdateControl<P> control = UpdateControl.noUpdate();
        return next == null ? control : control.rescheduleAfter(next);
    }

    /** Writes the status if it differs from {@code previous}; returns whether it wrote. */
    public static <S extends ConditionedStatus, P extends CustomResource<?, S>> boolean patch(Context<P> context,
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
        // Cached by the framework, so that the next reconcile starts from this status even before the informer
        // has seen it: the status is the operator's memory of what it assigned.
        PrimaryUpdateAndCacheUtils.updateAndCacheResource(resource, context, r -> {
            r.setStatus(status);
            return r;
        }, r -> context.getClient().resource(r).subresource("status")
                .patch(PatchContext.of(PatchType.JSON), replaceStatus(r.getStatus())));
        return true;
    }

    private static String replaceStatus(Object status) {
        ArrayNode patch = JsonNodeFactory.instance.arrayNode();
        patch.addObject().put("op", "add").put("path", "/status").set("value", MAPPER.valueToTree(status));
        return patch.toString();
    }
}
