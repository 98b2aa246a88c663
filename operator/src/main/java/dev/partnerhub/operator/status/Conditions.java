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
 * keeps {@code lastTransitionTime} when a condition's status did not change, stamps
 * {@code observedGeneration}, and sorts by type, so that an unchanged outcome yields an equal status.
 */
public final class Conditions {

    public static final String READY = "Ready";
    public static final String SYNCED = "Synced";
    public static final String STALLED = "Stalled";

    /** One desired condition. */
    public record Desired(String type, boolean status, String reason, String message) {
    }

    private final Map<String, Desired> desired = new LinkedHashMap<>();

    public static Conditions builder() {
        return new Conditions();
    }

    public Conditions ready(boolean status, String reason, String message) {
        return set(new Desired(READY, status, reason, message));
    }

    public Conditions synced(boolean status, String reason, String message) {
        return set(new Desired(SYNCED, status, reason, message));
    }

    public Conditions stalled(String reason, String message) {
        return set(new Desired(STALLED, true, reason, message));
    }

    /**
     * Not Ready and Stalled, for one reason: the resource cannot progress until a person changes its manifest or
     * approves something (kstatus: Failed).
     */
    public Conditions stall(String reason, String message) {
        return ready(false, reason, message).stalled(reason, message);
    }

    /**
     * Not Ready, not Synced and Stalled, for one reason: the provider refused, or cannot take, what the spec asks, and
     * nothing is sent again until a person changes it.
     */
    public Conditions refused(String reason, String message) {
        return ready(false, reason, message).synced(false, reason, message).stalled(reason, message);
    }

    /** Stalled with this reason when a person must act, else not. */
    public Conditions stalledIf(boolean stalled, String reason, String message) {
        return stalled ? stalled(reason, message) : notStalled();
    }

    public Conditions notStalled() {
        return set(new Desired(STALLED, false, "Progressing", "The operator can make progress on its own."));
    }

    /** The condition of this type set in this round, if any. */
    public Optional<Desired> desired(String type) {
        return Optional.ofNullable(desired.get(type));
    }

    public Conditions set(Desired condition) {
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
        String now = Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
        Map<String, Condition> merged = new LinkedHashMap<>();
        for (Condition previous : status.getConditions()) {
            merged.put(previous.getType(), previous);
        }
        for (Desired d : desired.values()) {
            String value = d.status() ? "True" : "False";
            Condition previous = merged.get(d.type());
            String since = previous != null && value.equals(previous.getStatus()) && previous.getLastTransitionTime() != null
                    ? previous.getLastTransitionTime() : now;
            merged.put(d.type(), new ConditionBuilder().withType(d.type()).withStatus(value).withReason(d.reason())
                    .withMessage(Redaction.apply(d.message())).withLastTransitionTime(since)
                    .withObservedGeneration(generation).build());
        }
        List<Condition> sorted = new ArrayList<>(merged.values());
        sorted.sort(Comparator.comparing(Condition::getType));
        status.setConditions(sorted);
        status.setObservedGeneration(generation);
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
        return status == null ? null : find(status.getConditions(), type).map(Condition::getReason).orElse(null);
    }
}
