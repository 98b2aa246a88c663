package dev.partnerhub.operator.status;

import dev.partnerhub.api.v1alpha1.ConditionedStatus;
import dev.partnerhub.operator.events.ResourceEvents;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;

/** Opens every reconcile's {@link StatusRound}, with the clock its conditions are stamped by and its Events' writer. */
@ApplicationScoped
public class StatusRounds {

    private final Clock clock;
    private final ResourceEvents events;

    public StatusRounds(Clock clock, ResourceEvents events) {
        this.clock = clock;
        this.events = events;
    }

    /** A round on a deep copy of the resource's status (a new one when it has none) of this type. */
    public <S extends ConditionedStatus, P extends CustomResource<?, S>> StatusRound<S, P> open(Context<P> context,
            P resource, Class<S> type) {
        return StatusRound.open(context, resource, type, clock, events);
    }

    Clock clock() {
        return clock;
    }
}
