package dev.partnerhub.operator.license;

import dev.partnerhub.operator.status.Reason;

/** The reasons only a LicenseAssignment states; the ones it shares with other kinds are {@code CommonReason}. */
public enum AssignmentReason implements Reason {

    /** Every selected user holds the licence. */
    Assigned(Meaning.READY),
    /** Every selected user holds the licence; another assignment disagrees on some of them (status.conflicts). */
    AssignedWithConflicts(Meaning.READY),
    /** Some selected users wait to be provisioned before they can get the licence. */
    Pending(Meaning.IN_PROGRESS),
    /** Some selected users get the licence once they activate their account (an end user's click). */
    AwaitingUsers(Meaning.AWAITING_PERSON),
    /** A BroadWorks customer's org comes with its first user's activation; until then there is nothing to assign. */
    AwaitingOrg(Meaning.AWAITING_PERSON),
    /** spec.license names no licence of the customer's org. */
    LicenseNotFound(Meaning.STALLED),
    /**
     * Some selected users did not get the licence (no seat left, or another refusal), or spec.users.names names a
     * CustomerUser that does not exist; see status.failures.
     */
    Refused(Meaning.STALLED);

    private final Meaning meaning;

    AssignmentReason(Meaning meaning) {
        this.meaning = meaning;
    }

    @Override
    public Meaning meaning() {
        return meaning;
    }
}
