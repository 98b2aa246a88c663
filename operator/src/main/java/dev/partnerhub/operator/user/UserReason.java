package dev.partnerhub.operator.user;

import dev.partnerhub.api.v1alpha1.ActivationState;
import dev.partnerhub.operator.status.Reason;

/**
 * The reasons only a CustomerUser states; the ones it shares with other kinds are {@code CommonReason}. Most Ready
 * reasons are the user's activation state ({@link #of}).
 */
public enum UserReason implements Reason {

    /** The user is provisioned and active. */
    Provisioned(Meaning.READY),
    /** A deleted user was restored, with the licences it had where seats allow. */
    Restored(Meaning.READY),
    /** The hub is provisioning the user (or reports a state the operator does not know yet). */
    Provisioning(Meaning.IN_PROGRESS),
    /** The hub is applying a change to the user. */
    Updating(Meaning.IN_PROGRESS),
    /** Waits for the end user to enter an email address in the activation flow. */
    PendingEmailInput(Meaning.AWAITING_PERSON),
    /** Waits for the end user to open the validation link sent to their address. */
    PendingEmailValidation(Meaning.AWAITING_PERSON),
    /** Waits for the end user to complete the migration of their existing account. */
    PendingUserMigration(Meaning.AWAITING_PERSON),
    /** Ready's reason when the hub failed to provision the user; Stalled says ProvisioningError. */
    Error(Meaning.STALLED),
    /** The hub failed to provision the user: set spec.email and annotate retry-activation to onboard again. */
    ProvisioningError(Meaning.STALLED),
    /** The hub provisioned the user but its person is not in the org's people list yet; the operator looks again. */
    AwaitingPerson(Meaning.IN_PROGRESS),
    /** Another CustomerUser already declares the key (an email, a user name) the message names. */
    DuplicateUser(Meaning.STALLED),
    /** The Secret where the operator keeps the temporary password exists and belongs to something else. */
    PasswordSecretConflict(Meaning.STALLED),
    /** The Contact Center sync of the user was refused; the operator syncs it once more after a while. */
    ContactCenterSyncInvalid(Meaning.IN_PROGRESS),
    /** The Contact Center sync kept failing: the provider's support must look at it (tracking ID in the message). */
    ContactCenterSupportNeeded(Meaning.STALLED),
    /** Synced False: the hub refused some licences (no seat left, or a licence rule); see status.licenses. */
    LicensesRefused(Meaning.IN_PROGRESS),
    /** Synced: a field changed outside the operator was set back to the spec's value. */
    Repaired(Meaning.NEUTRAL);

    private final Meaning meaning;

    UserReason(Meaning meaning) {
        this.meaning = meaning;
    }

    @Override
    public Meaning meaning() {
        return meaning;
    }

    /** The Ready reason of an activation state: the state's name. */
    public static UserReason of(ActivationState state) {
        return switch (state) {
            case Provisioning -> Provisioning;
            case PendingEmailInput -> PendingEmailInput;
            case PendingEmailValidation -> PendingEmailValidation;
            case PendingUserMigration -> PendingUserMigration;
            case Updating -> Updating;
            case Provisioned -> Provisioned;
            case Restored -> Restored;
            case Error -> Error;
        };
    }
}
