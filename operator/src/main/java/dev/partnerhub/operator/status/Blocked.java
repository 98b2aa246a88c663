package dev.partnerhub.operator.status;

import java.time.Duration;

/**
 * Why a resource cannot act this round, decided before any call: Ready=False with the reason and a message naming the
 * field and the fix; Stalled too when only a person can unblock it (kstatus: Failed, Argo CD: Degraded), else it waits
 * for something the operator will see (kstatus: InProgress).
 *
 * @param retry when to look again without an event (what is awaited sends none); null: at the next event
 */
public record Blocked(Reason reason, String message, boolean stalled, Duration retry) {

    /** Blocked until a person changes something. */
    public static Blocked stalled(Reason reason, String message, Duration retry) {
        return new Blocked(reason, message, true, retry);
    }

    void stateOn(Conditions conditions) {
        conditions.ready(false, reason, message).stalledIf(stalled, reason, message);
    }
}
