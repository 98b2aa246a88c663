package dev.partnerhub.operator.user;

import dev.partnerhub.api.v1alpha1.Activation;
import dev.partnerhub.api.v1alpha1.ActivationState;
import dev.partnerhub.api.v1alpha1.CustomerUserStatus;
import dev.partnerhub.operator.status.CommonReason;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.operator.status.StatusSupport;
import dev.partnerhub.providers.spi.model.RemoteUser;
import dev.partnerhub.providers.spi.model.UserState;
import java.time.Instant;

/** Pure mapping from the provider's subscriber to the user's status: activation state, pending action, conditions. */
public final class UserActivation {

    private UserActivation() {
    }

    /** What a provider's user state means to a person; an unknown state reads as still provisioning. */
    public static ActivationState state(UserState state) {
        if (state == null) {
            return ActivationState.Provisioning;
        }
        return switch (state) {
            case PROVISIONED -> ActivationState.Provisioned;
            case PENDING_EMAIL_INPUT -> ActivationState.PendingEmailInput;
            case PENDING_EMAIL_VALIDATION -> ActivationState.PendingEmailValidation;
            case PENDING_USER_MIGRATION -> ActivationState.PendingUserMigration;
            case UPDATING -> ActivationState.Updating;
            case ERROR -> ActivationState.Error;
            case PROVISIONING, DELETED, UNKNOWN -> ActivationState.Provisioning;
        };
    }

    /** Who must do what for a pending user to become active; null outside pending states. */
    public static String pendingAction(ActivationState state, RemoteUser remote) {
        return switch (state) {
            case PendingEmailInput -> "The end user must open the activation link from their service provider and "
                    + "enter their email address in the User Activation Portal. Or set spec.email and annotate "
                    + ActivationActions.RETRY_ACTIVATION + "=<token> to onboard the user with that address.";
            case PendingEmailValidation -> "The end user must open the validation email sent to " + remote.email()
                    + " and click Join Now to validate the address. Or set spec.email and annotate "
                    + ActivationActions.RETRY_ACTIVATION + "=<token> to onboard the user with another address.";
            case PendingUserMigration -> "The end user already has an account with this email: they must open "
                    + "the consent email and accept the move to this organization. Annotate "
                    + ActivationActions.RESEND_CONSENT + "=<token> to send the consent email again.";
            default -> null;
        };
    }

    /** Records the subscriber in the status and states the conditions that follow from its state. */
    public static void apply(CustomerUserStatus status, RemoteUser remote, Conditions conditions, Instant now) {
        ActivationState state = state(remote.state());
        Activation previous = status.getActivation();
        Activation activation = new Activation();
        activation.setState(state);
        String since = previous != null && previous.getState() == state ? previous.getSince()
                : remote.lastChange() != null ? remote.lastChange().toString() : now.toString();
        activation.setSince(since);
        activation.setPendingAction(pendingAction(state, remote));
        status.setActivation(activation);
        status.setUserId(remote.id());
        status.setPersonId(remote.personId());
        status.setEmail(remote.email());
        status.setPackageName(remote.packageName());
        status.setProviderStatus(remote.status());
        status.setErrors(StatusSupport.errors(remote.errors()));
        conditions.synced(true, CommonReason.Observed, "The hub holds this user.");
        switch (state) {
            case Provisioned -> conditions.ready(true, UserReason.Provisioned, "The user is provisioned and active.")
                    .notStalled();
            case PendingEmailInput, PendingEmailValidation, PendingUserMigration -> conditions
                    .awaitingPerson(UserReason.of(state), activation.getPendingAction());
            case Error -> {
                String message = "The hub failed to provision the user"
                        + (remote.errors().isEmpty() ? "." : ": " + remote.errors().get(0).description())
                        + " To onboard again, set spec.email and annotate " + ActivationActions.RETRY_ACTIVATION
                        + "=<token>.";
                conditions.ready(false, UserReason.Error, message).stalled(UserReason.ProvisioningError, message);
            }
            default -> conditions.ready(false, UserReason.of(state), "The hub is " + remote.status() + " the user.")
                    .notStalled();
        }
    }

    /** A deleted user the operator restored this round: usable, and reported as restored until the next look. */
    public static void restored(CustomerUserStatus status, Conditions conditions) {
        status.getActivation().setState(ActivationState.Restored);
        status.getActivation().setPendingAction(null);
        conditions.ready(true, UserReason.Restored,
                "The deleted user was restored, with the licences it had where seats allow"
                + (status.getRestoreDeadline() == null ? "." : " (it was restorable until "
                + status.getRestoreDeadline() + ").")).notStalled();
    }
}
