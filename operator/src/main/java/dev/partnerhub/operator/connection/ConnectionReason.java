package dev.partnerhub.operator.connection;

import dev.partnerhub.operator.status.CommonReason;
import dev.partnerhub.operator.status.Reason;

/**
 * The reasons only a PartnerConnection states; those of a connection that cannot make its provider are
 * {@code ConnectionException.Problem}, the ones it shares with other kinds {@code CommonReason}.
 */
public enum ConnectionReason implements Reason {

    /** An authenticated call to the provider succeeded. */
    ProbeSucceeded(Meaning.READY),
    /** The vendor refused the credentials: a person must sign in again or put a new token in the Secret. */
    CredentialsRejected(Meaning.STALLED),
    /** The provider refused the probe for another reason than the credentials; the message has its answer. */
    ProbeRejected(Meaning.STALLED),
    /**
     * The probe got no usable answer this time (a rate limit, a busy connection, a failure before the circuit breaker
     * calls it an outage): it is tried again shortly, and Ready and Stalled are kept meanwhile.
     */
    ProbeDeferred(Meaning.IN_PROGRESS),
    /** {@link CommonReason#ProviderUnavailable} for an outage that has lasted longer than the quarantine setting. */
    Quarantined(Meaning.IN_PROGRESS),
    /** The credentials Secret is being deleted while Customers use the connection: it is kept until none does. */
    CredentialsInUse(Meaning.STALLED),
    /** Deleted: the deletion waits until no Customer uses the connection (status.customers counts them). */
    InUse(Meaning.STALLED),
    /** CredentialsExpiring is True: the refresh token ends soon; a person must sign in again before it does. */
    RefreshTokenExpiring(Meaning.NEUTRAL),
    /** CredentialsExpiring is False: the refresh token is good for longer than the warning period. */
    RefreshTokenValid(Meaning.NEUTRAL);

    private final Meaning meaning;

    ConnectionReason(Meaning meaning) {
        this.meaning = meaning;
    }

    @Override
    public Meaning meaning() {
        return meaning;
    }

    /** Whether a connection's Ready reason is an outage of the provider, which clears by itself. */
    public static boolean outage(String reason) {
        return CommonReason.ProviderUnavailable.is(reason) || Quarantined.is(reason);
    }
}
