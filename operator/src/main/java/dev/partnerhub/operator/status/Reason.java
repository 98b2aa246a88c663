package dev.partnerhub.operator.status;

/**
 * A condition reason the operator writes. Each kind names its own in an enum beside its reconciler
 * ({@code ConnectionReason}, {@code CustomerReason}, {@code UserReason}, {@code AssignmentReason}); the reasons that
 * code shared by the kinds states are {@link CommonReason}. The constant's name is the reason as the status carries
 * it, so a search for a reason seen in {@code kubectl get} finds the constant. A decision may compare a reason
 * ({@link #is}), never a message; docs/api.md lists every reason with its meaning ({@code ReasonsDocumentedTest}).
 */
public interface Reason {

    /** The reason as the condition carries it (CamelCase; an enum's constant name). */
    String name();

    /** What the reason tells a reader, as kstatus and Argo CD read the conditions it is stated in. */
    Meaning meaning();

    /** Whether a reason read from a status is this one. */
    default boolean is(String written) {
        return name().equals(written);
    }

    /** What a reason says of the resource (docs/api.md's state table). */
    enum Meaning {
        /** Ready=True: the provider holds what the spec declares (kstatus: Current; Argo CD: Healthy). */
        READY("Current"),
        /**
         * Not Ready, waiting for a person outside the manifest, such as an end user's click: neither Stalled nor
         * Reconciling (kstatus: Current; Argo CD: Suspended), so that a GitOps sync does not fail on it.
         */
        AWAITING_PERSON("Current"),
        /** The operator works towards Ready on its own or waits for what it will see: Reconciling (InProgress). */
        IN_PROGRESS("InProgress"),
        /** Stalled: only a change to the manifest, the credentials or a person's approval lets it progress (Failed). */
        STALLED("Failed"),
        /**
         * Says nothing of health by itself: a Synced=True reason (what the last round did with the provider), Stalled's
         * reason when False, a side condition's (CredentialsExpiring), or a pause, which leaves Ready as it was.
         */
        NEUTRAL("-");

        private final String kstatus;

        Meaning(String kstatus) {
            this.kstatus = kstatus;
        }

        /** The status kstatus computes when this reason is the one a reader goes by. */
        public String kstatus() {
            return kstatus;
        }
    }
}
