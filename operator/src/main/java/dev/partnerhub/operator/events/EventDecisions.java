package dev.partnerhub.operator.events;

import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which Events a status round tells, from the conditions before and after it: Ready's transition (a new status or
 * reason), and each error the round stated (Synced False, Stalled True), even when the status did not change, so
 * that a failure repeated round after round is counted on its Event.
 */
public final class EventDecisions {

    private static final String READY = "Ready";
    private static final String SYNCED = "Synced";
    private static final String STALLED = "Stalled";

    private EventDecisions() {
    }

    /**
     * @param before the conditions the resource arrived with
     * @param after  the conditions the round wrote
     * @param stated the condition types this round stated (the others kept their value)
     */
    public static List<Occurrence> of(List<Condition> before, List<Condition> after, List<String> stated) {
        List<Occurrence> occurrences = new ArrayList<>();
        Optional<Condition> readyBefore = find(before, READY);
        Optional<Condition> readyAfter = find(after, READY);
        boolean failing = isTrue(after, STALLED) || isFalse(after, SYNCED);
        if (readyAfter.isPresent() && (readyBefore.isEmpty()
                || !Objects.equals(readyBefore.get().getStatus(), readyAfter.get().getStatus())
                || !Objects.equals(readyBefore.get().getReason(), readyAfter.get().getReason()))) {
            Condition ready = readyAfter.get();
            occurrences.add(new Occurrence(failing && !"True".equals(ready.getStatus()), ready.getReason(),
                    ready.getMessage()));
        }
        if (stated.contains(SYNCED) && isFalse(after, SYNCED)) {
            add(occurrences, find(after, SYNCED).orElseThrow());
        }
        if (stated.contains(STALLED) && isTrue(after, STALLED)) {
            add(occurrences, find(after, STALLED).orElseThrow());
        }
        return occurrences;
    }

    private static void add(List<Occurrence> occurrences, Condition error) {
        Occurrence warning = new Occurrence(true, error.getReason(), error.getMessage());
        if (occurrences.stream().noneMatch(o -> o.reason().equals(warning.reason())
                && Objects.equals(o.message(), warning.message()))) {
            occurrences.add(warning);
        } else {
            occurrences.replaceAll(o -> o.reason().equals(warning.reason()) ? warning : o);
        }
    }

    private static Optional<Condition> find(List<Condition> conditions, String type) {
        return conditions == null ? Optional.empty()
                : conditions.stream().filter(c -> type.equals(c.getType())).findFirst();
    }

    private static boolean isTrue(List<Condition> conditions, String type) {
        return find(conditions, type).map(c -> "True".equals(c.getStatus())).orElse(false);
    }

    private static boolean isFalse(List<Condition> conditions, String type) {
        return find(conditions, type).map(c -> "False".equals(c.getStatus())).orElse(false);
    }
}
