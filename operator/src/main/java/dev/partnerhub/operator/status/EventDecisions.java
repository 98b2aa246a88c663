package dev.partnerhub.operator.status;

import dev.partnerhub.operator.events.Occurrence;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Which Events a status round tells (the status round's rule; {@code events/} writes them), from the conditions
 * before and after it: Ready's transition (a new status or reason), and each error the round stated (Synced False,
 * Stalled True), even when the status did not change, so that a failure repeated round after round is counted on its
 * Event; a pause once, as Normal, when it begins.
 */
public final class EventDecisions {

    private EventDecisions() {
    }

    /**
     * @param before the conditions the resource arrived with
     * @param after  the conditions the round wrote
     * @param stated the condition types this round stated (the others kept their value)
     */
    public static List<Occurrence> of(List<Condition> before, List<Condition> after, List<String> stated) {
        List<Occurrence> occurrences = new ArrayList<>();
        Optional<Condition> readyBefore = Conditions.find(before, Conditions.READY);
        Optional<Condition> readyAfter = Conditions.find(after, Conditions.READY);
        boolean paused = CommonReason.Paused.is(Conditions.reason(after, Conditions.SYNCED));
        boolean failing = isTrue(after, Conditions.STALLED) || isFalse(after, Conditions.SYNCED) && !paused;
        if (readyAfter.isPresent() && (readyBefore.isEmpty()
                || !Objects.equals(readyBefore.get().getStatus(), readyAfter.get().getStatus())
                || !Objects.equals(readyBefore.get().getReason(), readyAfter.get().getReason()))) {
            Condition ready = readyAfter.get();
            occurrences.add(new Occurrence(failing && !"True".equals(ready.getStatus()), ready.getReason(),
                    ready.getMessage()));
        }
        if (stated.contains(Conditions.SYNCED) && paused) {
            // A person's pause is no error: told once, when it begins.
            Condition pause = Conditions.find(after, Conditions.SYNCED).orElseThrow();
            if (!CommonReason.Paused.is(Conditions.reason(before, Conditions.SYNCED))) {
                occurrences.add(new Occurrence(false, pause.getReason(), pause.getMessage()));
            }
        } else if (stated.contains(Conditions.SYNCED) && isFalse(after, Conditions.SYNCED)) {
            add(occurrences, Conditions.find(after, Conditions.SYNCED).orElseThrow());
        }
        if (stated.contains(Conditions.STALLED) && isTrue(after, Conditions.STALLED)) {
            add(occurrences, Conditions.find(after, Conditions.STALLED).orElseThrow());
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


    private static boolean isTrue(List<Condition> conditions, String type) {
        return is(conditions, type, "True");
    }

    private static boolean isFalse(List<Condition> conditions, String type) {
        return is(conditions, type, "False");
    }

    private static boolean is(List<Condition> conditions, String type, String value) {
        return Conditions.find(conditions, type).map(c -> value.equals(c.getStatus())).orElse(false);
    }
}
