package dev.partnerhub.operator.status;

import dev.partnerhub.api.v1alpha1.ConditionedStatus;
import dev.partnerhub.providers.spi.auth.Redaction;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.ConditionBuilder;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The one place that edits a status's conditions. A reconciler states Ready, Synced and Stalled; this helper
 * derives Reconciling from them, keeps {@code lastTransitionTime} when a condition's status did not change, stamps
 * {@code observedGeneration}, and sorts by type, so that an unchanged outcome yields an equal status.
 *
 * <p>The four conditions read as kstatus reads them (docs/api.md's state table): Stalled when only a change to the
 * manifest or a person's approval lets the resource progress (Failed); Reconciling while the operator works towards
 * Ready on its own (InProgress); neither when Ready, or when the resource waits for a person outside the manifest,
 * such as an end user who has not yet opened their activation link ({@link #awaitingPerson}): kstatus reads that as
 * Current, so that a GitOps sync does not fail while someone has not clicked a link.
 */
public final class Conditions {

    public static final String READY = "Ready";
    public static final String SYNCED = "Synced";
    public static final String STALLED = "Stalled";
    public static final String RECONCILING = "Reconciling";

    /** One desired condition. */
    public record Desired(String type, boolean status, String reason, String message) {
    }

    private final Map<String, Desired> desired = new LinkedHashMap<>();

    public static Conditions builder() {
        return new Conditions();
    }

    public Conditions ready(boolean status, Reason reason, String message) {
        return state(READY, status, reason, message);
    }

    public Conditions synced(boolean status, Reason reason, String message) {
        return state(SYNCED, status, reason, message);
    }

    public Conditions stalled(Reason reason, String message) {
        return state(STALLED, true, reason, message);
    }

    /** A condition of this type, for one of the operator's reasons. */
    public Conditions state(String type, boolean status, Reason reason, String message) {
        return set(new Desired(type, status, reason.name(), message));
    }

    /**
     * Not Ready and Stalled, for one reason: the resource cannot progress until a person changes its manifest or
     * approves something (kstatus: Failed).
     */
    public Conditions stall(Reason reason, String message) {
        return ready(false, reason, message).stalled(reason, message);
    }

    /**
     * Not Ready, not Synced and Stalled, for one reason: the provider refused, or cannot take, what the spec asks, and
     * nothing is sent again until a person changes it.
     */
    public Conditions refused(Reason reason, String message) {
        return ready(false, reason, message).synced(false, reason, message).stalled(reason, message);
    }

    /** Stalled with this reason when a person must act, else not. */
    public Conditions stalledIf(boolean stalled, Reason reason, String message) {
        return stalled ? stalled(reason, message) : notStalled();
    }

    public Conditions notStalled() {
        return state(STALLED, false, CommonReason.Progressing, "The operator can make progress on its own.");
    }

    /**
     * Not Ready, for a reason that only a person outside the manifest clears (an end user's own click), and the
     * operator waits without working on it: neither Stalled nor Reconciling. The resource stays so, round after
     * round, as long as Ready keeps this reason.
     */
    public Conditions awaitingPerson(Reason reason, String message) {
        return ready(false, reason, message).state(STALLED, false, reason, message)
                .state(RECONCILING, false, reason, message);
    }

    /**
     * Paused by a person ({@link Paused}): Synced False and Reconciling False for {@link CommonReason#Paused}, Ready
     * and Stalled as last observed, so that kstatus reads the resource as it last was rather than as work under way.
     */
    public Conditions paused(String message) {
        return synced(false, CommonReason.Paused, message).state(RECONCILING, false, CommonReason.Paused, message);
    }

    /** The types this round states, in the order stated. */
    public List<String> stated() {
        return List.copyOf(desired.keySet());
    }

    /** The condition of this type set in this round, if any. */
    public Optional<Desired> desired(String type) {
        return Optional.ofNullable(desired.get(type));
    }

    private Conditions set(Desired condition) {
        desired.put(condition.type(), condition);
        return this;
    }

    /**
     * Writes the desired conditions into {@code status}; conditions not stated keep their previous value
     * (Stalled defaults to False).
     */
    public void applyTo(ConditionedStatus status, Long generation, Clock clock) {
        if (!desired.containsKey(STALLED) && find(status.getConditions(), STALLED).isEmpty()) {
            notStalled();
        }
        if (!desired.containsKey(SYNCED) && CommonReason.Paused.is(reason(status.getConditions(), SYNCED))) {
            // The first round after a pause that has nothing else to say of Synced: the pause is over.
            synced(true, CommonReason.Resumed, "The pause was lifted: the operator acts on this resource again.");
        }
        String now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
        Map<String, Condition> merged = new LinkedHashMap<>();
        for (Condition previous : status.getConditions()) {
            merged.put(previous.getType(), previous);
        }
        for (Desired d : desired.values()) {
            put(merged, d, generation, now);
        }
        if (!desired.containsKey(RECONCILING)) {
            put(merged, reconciling(merged), generation, now);
        }
        List<Condition> sorted = new ArrayList<>(merged.values());
        sorted.sort(Comparator.comparing(Condition::getType));
        status.setConditions(sorted);
        status.setObservedGeneration(generation);
    }

    /** The condition as desired, keeping its transition time while its status holds. */
    private static void put(Map<String, Condition> merged, Desired d, Long generation, String now) {
        String value = d.status() ? "True" : "False";
        Condition previous = merged.get(d.type());
        String since = previous != null && value.equals(previous.getStatus()) && previous.getLastTransitionTime() != null
                ? previous.getLastTransitionTime() : now;
        merged.put(d.type(), new ConditionBuilder().withType(d.type()).withStatus(value).withReason(d.reason())
                .withMessage(Redaction.apply(d.message())).withLastTransitionTime(since)
                .withObservedGeneration(generation).build());
    }

    /**
     * Reconciling as the other conditions imply it: False when Stalled (a person must act) or when Ready and Synced;
     * False still while Ready keeps the reason a person was awaited for; else True, saying what is under way.
     */
    private static Desired reconciling(Map<String, Condition> conditions) {
        Condition ready = conditions.get(READY);
        Condition synced = conditions.get(SYNCED);
        Condition stalled = conditions.get(STALLED);
        Condition previous = conditions.get(RECONCILING);
        if (stalled != null && "True".equals(stalled.getStatus())) {
            return new Desired(RECONCILING, false, stalled.getReason(), stalled.getMessage());
        }
        boolean syncFailed = synced != null && "False".equals(synced.getStatus());
        if (syncFailed) {
            return new Desired(RECONCILING, true, synced.getReason(), synced.getMessage());
        }
        if (ready == null) {
            return new Desired(RECONCILING, true, CommonReason.Reconciling.name(),
                    "The operator has not yet decided this resource.");
        }
        if ("True".equals(ready.getStatus())) {
            return new Desired(RECONCILING, false, CommonReason.Reconciled.name(),
                    "The provider holds what the spec declares.");
        }
        boolean stillAwaited = previous != null && "False".equals(previous.getStatus()) && stalled != null
                && Objects.equals(previous.getReason(), ready.getReason())
                && Objects.equals(previous.getReason(), stalled.getReason());
        return stillAwaited ? new Desired(RECONCILING, false, previous.getReason(), previous.getMessage())
                : new Desired(RECONCILING, true, ready.getReason(), ready.getMessage());
    }

    public static Optional<Condition> find(List<Condition> conditions, String type) {
        return conditions == null ? Optional.empty()
                : conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    public static boolean isTrue(ConditionedStatus status, String type) {
        return status != null && find(status.getConditions(), type).map(c -> "True".equals(c.getStatus()))
                .orElse(false);
    }

    /**
     * Whether the status is Ready for this generation, as the Ready condition's own observedGeneration says: a failed
     * round records the generation it saw in the status, not a Ready it never reached.
     */
    public static boolean readyAt(ConditionedStatus status, Long generation) {
        return status != null && find(status.getConditions(), READY)
                .filter(c -> "True".equals(c.getStatus()) && Objects.equals(c.getObservedGeneration(), generation))
                .isPresent();
    }

    public static String reason(ConditionedStatus status, String type) {
        return status == null ? null : reason(status.getConditions(), type);
    }

    /** The reason of the condition of this type among these, or null. */
    public static String reason(List<Condition> conditions, String type) {
        return find(conditions, type).map(Condition::getReason).orElse(null);
    }
}
