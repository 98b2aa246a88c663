package dev.partnerhub.api.v1alpha1;

/** Where a user stands between "declared by the partner" and "active in the provider". */
public enum ActivationState {
    Provisioning,
    PendingEmailInput,
    PendingEmailValidation,
    PendingUserMigration,
    Updating,
    Provisioned,
    /** A deleted user the operator restored (with its licences) instead of creating a new one; active. */
    Restored,
    Error;

    /** Pending states wait for a person; the operator reports them and polls slowly. */
    public boolean isPending() {
        return this == PendingEmailInput || this == PendingEmailValidation || this == PendingUserMigration;
    }
}
