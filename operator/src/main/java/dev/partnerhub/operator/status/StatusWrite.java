package dev.partnerhub.operator.status;

import dev.partnerhub.api.v1alpha1.ConditionedStatus;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Duration;
import java.util.Objects;
import org.jboss.logging.Logger;

/** The end of every reconcile: patch the status only when it changed, log a Ready transition once, reschedule. */
public final class StatusWrite {

    private static final Logger LOG = Logger.getLogger(StatusWrite.class);

    private StatusWrite() {
    }

    /**
     * @param previous the status the resource arrived with
     * @param next     when to reconcile again without an event; null to wait for the next event
     */
    public static <S extends ConditionedStatus, P extends CustomResource<?, S>> UpdateControl<P> finish(P resource,
            S previous, S status, Duration next) {
        resource.setStatus(status);
        UpdateControl<P> control = UpdateControl.noUpdate();
        if (StatusSupport.differs(previous, status)) {
            String before = Conditions.reason(previous, Conditions.READY);
            String after = Conditions.reason(status, Conditions.READY);
            if (!Objects.equals(before, after)) {
                LOG.infof("%s %s/%s: Ready=%s (%s)", resource.getKind(), resource.getMetadata().getNamespace(),
                        resource.getMetadata().getName(), Conditions.isTrue(status, Conditions.READY), after);
            }
            control = UpdateControl.patchStatus(resource);
        }
        return next == null ? control : control.rescheduleAfter(next);
    }
}
