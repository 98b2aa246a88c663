package dev.partnerhub.operator.status;

import dev.partnerhub.api.v1alpha1.ConditionedStatus;
import dev.partnerhub.operator.events.ResourceEvents;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.CustomResource;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * One reconcile's status, from the copy of what the resource arrived with to its one write: the reconciler states
 * conditions and fields on it and never builds, compares or writes a status itself. {@link #persist()} writes the
 * status mid-round, before a call whose record (a pending create, an action's token) must outlive a lost reply.
 */
public final class StatusRound<S extends ConditionedStatus, P extends CustomResource<?, S>> {

    private final Context<P> context;
    private final P resource;
    private final S previous;
    private final S status;
    private final Clock clock;
    private final ResourceEvents events;
    private final Conditions conditions = Conditions.builder();

    private StatusRound(Context<P> context, P resource, S previous, S status, Clock clock, ResourceEvents events) {
        this.context = context;
        this.resource = resource;
        this.previous = previous;
        this.status = status;
        this.clock = clock;
        this.events = events;
    }

    /** Opens the round on a deep copy of the resource's status (a new one when it has none) of this type. */
    static <S extends ConditionedStatus, P extends CustomResource<?, S>> StatusRound<S, P> open(
            Context<P> context, P resource, Class<S> type, Clock clock, ResourceEvents events) {
        return new StatusRound<>(context, resource, resource.getStatus(), copy(resource.getStatus(), type), clock,
                events);
    }

    /** A deep copy of a status, or a new one when null: the round's edits never touch the cached resource. */
    public static <S extends ConditionedStatus> S copy(S status, Class<S> type) {
        if (status != null) {
            return StatusSupport.copy(status, type);
        }
        try {
            return type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(type.getName() + " needs a public no-argument constructor", e);
        }
    }

    /** The status the resource arrived with, as it was before this round; null when it had none. */
    public S previous() {
        return previous;
    }

    /** The status this round writes: the arrived one, copied. */
    public S status() {
        return status;
    }

    /** The conditions this round states; those it does not state keep their value. */
    public Conditions conditions() {
        return conditions;
    }

    /** States a blocked round: not Ready, and Stalled when a person must act. */
    public StatusRound<S, P> block(Blocked blocked) {
        blocked.stateOn(conditions);
        return this;
    }

    /**
     * Ends a round that a person paused ({@link Paused}): nothing is checked or called, the pause is stated and the
     * next round waits for an event (the annotation's removal is one).
     */
    public UpdateControl<P> finishPaused() {
        pause(false);
        return UpdateControl.noUpdate();
    }

    /**
     * States the pause and writes it; {@code deleting}: the finalizer holds the deletion meanwhile. The status keeps
     * the generation last acted on, so that an edit made while paused reads as not yet seen (kstatus: InProgress),
     * not as applied.
     */
    public void pause(boolean deleting) {
        conditions.paused(Paused.message(resource, deleting));
        Long acted = previous == null ? null : previous.getObservedGeneration();
        // Never acted on: generation 0, which no resource has, so that kstatus reads it as not yet seen.
        write(acted == null ? Long.valueOf(0) : acted);
    }

    /** Writes the status as it stands now, before a remote call that must find it recorded. */
    public void persist() {
        StatusWrite.patch(context, resource, previous, status);
    }

    /**
     * Ends the round with the conditions applied at the resource's generation, the status written if it changed, and
     * what changed or failed told as Events; alone where the round answers the framework otherwise (a cleanup, an
     * error).
     */
    public void write() {
        write(resource.getMetadata().getGeneration());
    }

    private void write(Long generation) {
        List<Condition> before = previous == null ? List.of() : List.copyOf(previous.getConditions());
        conditions.applyTo(status, generation, clock);
        StatusWrite.patch(context, resource, previous, status);
        events.record(context.getClient(), resource, EventDecisions.of(before, status.getConditions(),
                conditions.stated()));
    }

    /**
     * Ends the round: the conditions applied at the resource's generation, the status written if it changed.
     *
     * @param next when to reconcile again without an event; null to wait for the next event
     */
    public UpdateControl<P> finish(Duration next) {
        write();
        UpdateControl<P> control = UpdateControl.noUpdate();
        return next == null ? control : control.rescheduleAfter(next);
    }
}
