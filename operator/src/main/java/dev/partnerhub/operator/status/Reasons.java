package dev.partnerhub.operator.status;

/**
 * Condition reasons that more than one reconciler states or reads, with their kstatus meaning. A decision may compare
 * a reason, never a message.
 */
public final class Reasons {

    /**
     * Stalled: an existing org's administrator must approve the partner before it attaches (seed 003, error 2017).
     * A user whose create met the refusal states it; its Customer states it too, with the step in pendingAction.
     */
    public static final String ADMIN_APPROVAL_REQUIRED = "AdminApprovalRequired";

    /**
     * Stalled: the vendor refused the connection's credentials, and a person must sign in again or put a new token
     * in the Secret. The connection states it; CredentialsExpiring repeats it rather than naming an end date.
     */
    public static final String CREDENTIALS_REJECTED = "CredentialsRejected";

    /**
     * Not Stalled, in progress: the provider gives no usable answer (server errors, no reply, replies that are not
     * its API's) and the connection's circuit breaker holds its calls. The connection states it; its customers say
     * so in Synced and keep their last observed Ready. Nobody needs to act: it clears by itself.
     */
    public static final String PROVIDER_UNAVAILABLE = "ProviderUnavailable";

    /** The same as {@link #PROVIDER_UNAVAILABLE}, for an outage that has lasted longer than the quarantine setting. */
    public static final String QUARANTINED = "Quarantined";

    /**
     * Stalled: the provider refused the resource's spec (a 4xx other than throttling or a token problem), with its
     * error in status.errors. A person must change the spec; the same request is sent again only after an edit or at
     * the resync. Users, customers and their person fields state it; a user's gate reads it (refused recently).
     */
    public static final String PROVIDER_REJECTED = "ProviderRejected";

    /**
     * Stalled: the spec is invalid for its provider, refused before any call; the message names the field and the fix.
     */
    public static final String INVALID_SPEC = "InvalidSpec";

    /** Whether a connection's Ready reason is an outage of the provider, which clears by itself. */
    public static boolean outage(String reason) {
        return PROVIDER_UNAVAILABLE.equals(reason) || QUARANTINED.equals(reason);
    }

    private Reasons() {
    }
}
