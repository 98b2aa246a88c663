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

    /** Whether a connection's Ready reason is an outage of the provider, which clears by itself. */
    public static boolean outage(String reason) {
        return PROVIDER_UNAVAILABLE.equals(reason) || QUARANTINED.equals(reason);
    }

    private Reasons() {
    }
}
