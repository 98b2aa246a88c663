package dev.partnerhub.operator.user;

import dev.partnerhub.api.v1alpha1.ActivationState;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.CustomerUserStatus;
import dev.partnerhub.api.v1alpha1.UserActions;
import dev.partnerhub.desired.Annotations;
import dev.partnerhub.desired.UserDesiredState;
import dev.partnerhub.operator.license.PackageReassignment;
import dev.partnerhub.operator.ownership.DeletionBudget;
import dev.partnerhub.operator.provider.Resolved;
import dev.partnerhub.providers.spi.model.Feature;
import dev.partnerhub.providers.spi.model.RemoteUser;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.jboss.logging.Logger;

/**
 * The imperative annotations of a CustomerUser, acted on once per new token (reset the password, where the provider
 * takes temporary passwords, is one), the token then recorded in
 * {@code status.actions} (so re-applying the same manifest does nothing): retry activation (the partner
 * portal's "Retry Activation": onboard a stuck user again with the address in spec.email) and resend the
 * consent email to a user whose existing account must move.
 */
@ApplicationScoped
public class ActivationActions {

    public static final String RETRY_ACTIVATION = Annotations.RETRY_ACTIVATION;
    public static final String RESEND_CONSENT = Annotations.RESEND_CONSENT;
    public static final String RESET_PASSWORD = Annotations.RESET_PASSWORD;
    public static final String REASSIGN_PACKAGE = Annotations.REASSIGN_PACKAGE;

    private static final Logger LOG = Logger.getLogger(ActivationActions.class);
    /** The states a person can get out of by onboarding the user again with another address. */
    static final Set<ActivationState> RETRYABLE = EnumSet.of(ActivationState.PendingEmailInput,
            ActivationState.PendingEmailValidation, ActivationState.Error);

    private final UserWrites writes;
    private final Passwords passwords;
    private final PackageReassignment packages;
    private final DeletionBudget budget;

    public ActivationActions(UserWrites writes, Passwords passwords, PackageReassignment packages,
            DeletionBudget budget) {
        this.writes = writes;
        this.passwords = passwords;
        this.packages = packages;
        this.budget = budget;
    }

    /**
     * What the actions left: whether one waits for the connection's deletion protection (then the user is looked at
     * again soon), and, after a retried activation removed the stuck subscriber, the create that onboards the user
     * again: the reconciler runs it, its token and intent written first.
     */
    record Acted(boolean held, UserBinding.NeedsCreate onboard) {
    }

    /** Acts on new tokens. A retried activation ends the round's actions: the others follow in the next round. */
    Acted act(CustomerUser user, Resolved target, RemoteUser remote, CustomerUserStatus status) {
        UserActions done = status.getActions() == null ? new UserActions() : status.getActions();
        done.setHeld(null);
        String name = user.getMetadata().getNamespace() + "/" + user.getMetadata().getName();
        ActivationState state = UserActivation.state(remote.state());
        String retry = fresh(user, RETRY_ACTIVATION, done.getRetryActivation());
        if (retry != null && RETRYABLE.contains(state) && !blank(user.getSpec().getEmail())
                && !allowed(user, target, done, RETRY_ACTIVATION, retry, "deletes the stuck subscriber "
                        + remote.id(), "deleting the stuck subscriber")) {
            retry = null;
        }
        if (retry != null && !(RETRYABLE.contains(state) && blank(user.getSpec().getEmail()))) {
            if (RETRYABLE.contains(state)) {
                writes.removeStuck(target, remote, status);
                // The token is recorded once the stuck subscriber is gone, and written with the create's intent
                // before the create: a delete that failed is tried again next round, and after a lost reply or a
                // crash the next round does not take the fresh subscriber for the stuck one and delete it too.
                done.setRetryActivation(retry);
                status.setActions(done);
                LOG.infof("CustomerUser %s: activation retried with %s (token %s)", name, user.getSpec().getEmail(),
                        retry);
                return new Acted(false, new UserBinding.NeedsCreate(UserDesiredState.key(user.getSpec(),
                        target.capabilities()), null));
            } else {
                LOG.infof("CustomerUser %s: nothing to retry in state %s (token %s)", name, state, retry);
            }
            done.setRetryActivation(retry);
        }
        String resend = fresh(user, RESEND_CONSENT, done.getResendConsent());
        if (resend != null) {
            if (state == ActivationState.PendingUserMigration) {
                target.provider().users().resendConsent(target.scope(), remote.id());
                LOG.infof("CustomerUser %s: consent email sent again (token %s)", name, resend);
            } else {
                LOG.infof("CustomerUser %s: no consent to send in state %s (token %s)", name, state, resend);
            }
            done.setResendConsent(resend);
        }
        String reset = fresh(user, RESET_PASSWORD, done.getResetPassword());
        if (reset != null && target.capabilities().has(Feature.PASSWORDS)) {
            // Sent first, kept after: the Secret never holds a password the provider does not have.
            String password = passwords.generate();
            target.provider().users().resetPassword(target.scope(), remote.id(), password);
            passwords.keep(user, password);
            status.setPasswordSecretRef(Passwords.ref(user));
            LOG.infof("CustomerUser %s: password reset; the temporary password is in Secret %s (token %s)", name,
                    Passwords.secretName(user), reset);
            done.setResetPassword(reset);
        }
        String reassign = fresh(user, REASSIGN_PACKAGE, done.getReassignPackage());
        if (reassign != null && state == ActivationState.Provisioned && allowed(user, target, done,
                REASSIGN_PACKAGE, reassign, "unassigns " + remote.packageName(), "unassigning the package")) {
            done.setReassignPackageResult(packages.reassign(user, target, remote.personId(), remote.packageName())
                    .map(o -> o.refused().isEmpty() ? "Package " + remote.packageName() + " unassigned and assigned "
                            + "again: " + String.join(", ", o.reassigned()) + "."
                            : "Package " + remote.packageName() + " unassigned; the provider refused "
                                    + String.join(", ", o.refused()) + " back: " + o.refusal())
                    .orElse("Nothing to reassign: the user holds none of package " + remote.packageName()
                            + "'s licences yet."));
            LOG.infof("CustomerUser %s: %s (token %s)", name, done.getReassignPackageResult(), reassign);
            done.setReassignPackage(reassign);
        }
        status.setActions(done.getRetryActivation() == null && done.getResendConsent() == null
                && done.getResetPassword() == null && done.getReassignPackage() == null && done.getHeld() == null
                ? null : done);
        return new Acted(done.getHeld() != null, null);
    }

    /**
     * Whether the connection's deletion protection lets an action's remote deletion happen now; when not, the action
     * is left undone (its token not recorded, so it is asked again) and {@code status.actions.held} says why.
     */
    private boolean allowed(CustomerUser user, Resolved target, UserActions done, String annotation, String token,
            String deletes, String deletion) {
        String name = user.getMetadata().getNamespace() + "/" + user.getMetadata().getName();
        String action = annotation.substring(annotation.indexOf('/') + 1);
        if (budget.allow(target.connection(), user.getMetadata().getUid() + "/" + action + "/" + token,
                "CustomerUser " + name + ": " + action + " " + deletes)) {
            return true;
        }
        done.setHeld(action + " (token " + token + ") is held: " + deletion + " is a remote deletion and "
                + "PartnerConnection " + target.connection() + "'s deletions are spent "
                + "(spec.deletionProtection.maxDeletesPerHour). Annotate the connection with "
                + DeletionBudget.APPROVE_DELETIONS + "=<new token> to release it.");
        LOG.warnf("CustomerUser %s: %s", name, done.getHeld());
        return false;
    }

    /** The annotation's token when it differs from the one last acted on; null otherwise. */
    private static String fresh(CustomerUser user, String annotation, String lastToken) {
        Map<String, String> annotations = user.getMetadata().getAnnotations();
        String token = annotations == null ? null : annotations.get(annotation);
        return token == null || token.isBlank() || token.equals(lastToken) ? null : token;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
