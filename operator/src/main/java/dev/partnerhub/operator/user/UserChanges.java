package dev.partnerhub.operator.user;

import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.CustomerUserStatus;
import dev.partnerhub.api.v1alpha1.Repair;
import dev.partnerhub.desired.UserFields;
import dev.partnerhub.operator.status.CommonReason;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.operator.status.Reason;
import java.time.Instant;
import java.util.List;

/**
 * What one round changed in the provider, told in the Synced condition. A change to a user that was already
 * converged at its generation undid a change made outside the operator (drift): it is also recorded in
 * {@code status.lastRepair}, which stays until the next repair.
 */
final class UserChanges {

    private final boolean wasConverged;
    private final String recordedId;
    private final CustomerUserStatus status;

    private UserChanges(boolean wasConverged, String recordedId, CustomerUserStatus status) {
        this.wasConverged = wasConverged;
        this.recordedId = recordedId;
        this.status = status;
    }

    /**
     * Whether the user was Ready for this generation and which subscriber it recorded before the round acted (its
     * arrived status, {@code previous}), and the status the round writes.
     */
    static UserChanges since(CustomerUser user, CustomerUserStatus previous, CustomerUserStatus status) {
        boolean converged = Conditions.readyAt(previous, user.getMetadata().getGeneration());
        return new UserChanges(converged, previous == null ? null : previous.getUserId(), status);
    }

    /**
     * States what the round did; call after the activation state is applied (it states Synced as Observed). A refusal
     * the round already stated in Synced (licences, a person's field) stands: the repair is still recorded.
     */
    void report(UserBinding.Bound bound, List<UserFields.Difference> mended, Conditions conditions, Instant now) {
        boolean refused = conditions.desired(Conditions.SYNCED).filter(synced -> !synced.status()).isPresent();
        if (bound.how() == UserBinding.How.RECREATED) {
            String message = "Subscriber " + recordedId + " was deleted in the provider outside the operator; it was "
                    + "created again as " + bound.subscriber().id() + ".";
            status.setLastRepair(new Repair(now.toString(), message));
            syncedUnlessRefused(refused, conditions, CommonReason.Recreated, message);
        } else if (!mended.isEmpty() && wasConverged) {
            String message = "The provider held " + mended + ", changed outside the operator; set back to the spec.";
            status.setLastRepair(new Repair(now.toString(), message));
            syncedUnlessRefused(refused, conditions, UserReason.Repaired, message);
        } else if (!mended.isEmpty()) {
            syncedUnlessRefused(refused, conditions, CommonReason.Updated, "Sent to the provider: " + mended + ".");
        }
    }

    private static void syncedUnlessRefused(boolean refused, Conditions conditions, Reason reason, String message) {
        if (!refused) {
            conditions.synced(true, reason, message);
        }
    }
}
