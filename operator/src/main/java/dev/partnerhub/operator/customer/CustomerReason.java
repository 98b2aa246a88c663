package dev.partnerhub.operator.customer;

import dev.partnerhub.operator.status.Reason;

/** The reasons only a Customer states; the ones it shares with other kinds are {@code CommonReason}. */
public enum CustomerReason implements Reason {

    /** The customer exists in the provider, with the declared packages where the provider has packages. */
    Provisioned(Meaning.READY),
    /** The org exists, with errors on some of its packages (status.packages). */
    ProvisionedWithErrors(Meaning.READY),
    /**
     * A BroadWorks customer: the provider creates its org with its first subscriber (or attaches the existing org its
     * email belongs to), so users can be added now.
     */
    AwaitingFirstSubscriber(Meaning.READY),
    /** The hub accepted the customer and is provisioning it. */
    Provisioning(Meaning.IN_PROGRESS),
    /** The hub is applying a change of the package list. */
    Updating(Meaning.IN_PROGRESS),
    /** The hub is deleting this customer (deleted outside the operator); it is created again once that completes. */
    DeletingInHub(Meaning.IN_PROGRESS),
    /** Synced: the round created the customer in the provider. */
    Created(Meaning.NEUTRAL),
    /** The hub failed to provision the customer; its errors are in status.errors. */
    ProvisioningFailed(Meaning.STALLED),
    /** spec.attach.orgId names an org another partner or Customer has already attached. */
    OrgAlreadyAttached(Meaning.STALLED),
    /** Another Customer on the same connection already declares the key the message names. */
    DuplicateCustomer(Meaning.STALLED),
    /** The operator has not yet seen the Customer's namespace (its labels decide the connection's allowance). */
    NamespaceNotSeen(Meaning.IN_PROGRESS),
    /**
     * Deleted: its finalizer is under way (waiting for its CustomerUsers, then removing the hub's remaining
     * workspaces and users, then the customer).
     */
    Deleting(Meaning.IN_PROGRESS),
    /** Deleted: the provider refuses to delete the customer; remove what it names, or set deletionPolicy Orphan. */
    DeletionRefused(Meaning.STALLED),
    /** Deleted: the detach's last step is manual in the provider's portal; annotate the Customer when it is done. */
    ManualStepRequired(Meaning.STALLED);

    private final Meaning meaning;

    CustomerReason(Meaning meaning) {
        this.meaning = meaning;
    }

    @Override
    public Meaning meaning() {
        return meaning;
    }
}
