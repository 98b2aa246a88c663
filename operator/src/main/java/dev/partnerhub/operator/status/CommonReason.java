package dev.partnerhub.operator.status;

/**
 * Reasons more than one kind states, or that code shared by the kinds states (the status round, the error status, the
 * resolution of a Customer's connection). Each kind's own reasons are in its room.
 */
public enum CommonReason implements Reason {

    /** Synced: the round read the provider, or had its answer, and has nothing more to send. */
    Observed(Meaning.NEUTRAL),
    /** Synced: the round sent a change the spec declares (or the provider is applying one) and it was accepted. */
    Updated(Meaning.NEUTRAL),
    /** Synced: the remote object had been deleted outside the operator and was created again. */
    Recreated(Meaning.NEUTRAL),
    /** Stalled is False for this reason while nothing waits for a person. */
    Progressing(Meaning.NEUTRAL),
    /**
     * The resource carries {@code partnerhub.dev/paused: "true"}: the operator makes no provider call for it and acts
     * on no annotation until the annotation is removed; a Customer or user holds its deletion. Synced is False and
     * Reconciling False for this reason; Ready and Stalled keep what was last observed.
     */
    Paused(Meaning.NEUTRAL),
    /** Synced: the pause was lifted, and the round had nothing else to say of Synced. */
    Resumed(Meaning.NEUTRAL),
    /** Reconciling, before the operator has stated anything for this resource. */
    Reconciling(Meaning.IN_PROGRESS),
    /** Reconciling is False: the provider holds what the spec declares. */
    Reconciled(Meaning.READY),
    /**
     * A call to the provider got no usable answer (server errors, no reply, replies that are not its API's, a rate
     * limit) or failed in a way the round does not handle, or the connection's circuit breaker holds its calls. The
     * connection states it in Ready; its customers, users and assignments in Synced, keeping their last observed
     * Ready. It clears by itself.
     */
    ProviderUnavailable(Meaning.IN_PROGRESS),
    /** The provider refused the connection's token on this resource's call; the connection's own probe says more. */
    ConnectionUnauthorized(Meaning.IN_PROGRESS),
    /** A reconcile failed on an error the operator has no name for; the message names its class. Retried. */
    ReconcileError(Meaning.IN_PROGRESS),
    /** The spec is invalid for its provider, refused before any call; the message names the field and the fix. */
    InvalidSpec(Meaning.STALLED),
    /**
     * The provider refused the spec (a 4xx other than throttling or a token problem), with its error in
     * status.errors. The same request is sent again only after an edit or at the resync; a user's gate reads it.
     */
    ProviderRejected(Meaning.STALLED),
    /** The spec asks for what the connection's provider does not offer (a field, a package, a model). */
    UnsupportedByProvider(Meaning.STALLED),
    /** A field that cannot change after creation was changed; the message names it, its old value and the fix. */
    ImmutableFieldChanged(Meaning.STALLED),
    /** The provider already holds an object under this key that the resource does not own: adopt it or rename. */
    AlreadyExists(Meaning.STALLED),
    /**
     * An existing org's administrator must approve the partner before it attaches (seed 003, error 2017). A user
     * whose create met the refusal states it; its Customer states it too, with the step in pendingAction.
     */
    AdminApprovalRequired(Meaning.STALLED),
    /**
     * The Customer named by customerRef does not exist; on a Customer that refers to an existing customer, the
     * provider has no such customer this partner manages.
     */
    CustomerNotFound(Meaning.STALLED),
    /**
     * The Customer is not Ready, or has no org in the provider yet; the resource acts once it is. A CustomerUser states
     * it Stalled while the Customer is Stalled or its connection cannot act, since only a person's fix there unblocks
     * it.
     */
    CustomerNotReady(Meaning.IN_PROGRESS),
    /** The PartnerConnection the Customer names is gone. */
    ConnectionNotFound(Meaning.STALLED),
    /** The PartnerConnection does not allow the Customer's namespace (spec.allowedNamespaces). */
    ConnectionNotAllowed(Meaning.STALLED),
    /**
     * The PartnerConnection is not Ready, or its spec or Secret cannot make a provider; the message says why. Stalled
     * on a Customer or user being deleted, whose finalizer cannot go on without the connection (fix it, or set
     * deletionPolicy Orphan).
     */
    ConnectionNotReady(Meaning.IN_PROGRESS),
    /**
     * Stated by a finalizer (a Customer or user being deleted): the PartnerConnection's credentials Secret or key is
     * missing or unusable, so nothing can be removed from the provider until it is back (or deletionPolicy Orphan).
     */
    CredentialsMissing(Meaning.STALLED),
    /**
     * Removing remote objects is held: the connection's deletion budget is spent (docs/api.md); a person approves
     * the held deletions on the PartnerConnection.
     */
    DeletionHeld(Meaning.STALLED);

    private final Meaning meaning;

    CommonReason(Meaning meaning) {
        this.meaning = meaning;
    }

    @Override
    public Meaning meaning() {
        return meaning;
    }
}
