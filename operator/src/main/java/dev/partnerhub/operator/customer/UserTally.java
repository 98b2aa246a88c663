package dev.partnerhub.operator.customer;

import dev.partnerhub.api.v1alpha1.ActivationState;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.UserCounts;
import dev.partnerhub.operator.status.Conditions;
import java.util.Collection;

/** Counts a customer's users by activation state, for its status and the USERS printer column. */
public final class UserTally {

    private UserTally() {
    }

    public static UserCounts count(Collection<CustomerUser> users) {
        UserCounts counts = new UserCounts();
        for (CustomerUser user : users) {
            ActivationState state = user.getStatus() == null || user.getStatus().getActivation() == null ? null
                    : user.getStatus().getActivation().getState();
            counts.setTotal(counts.getTotal() + 1);
            if (state == ActivationState.Provisioned) {
                counts.setProvisioned(counts.getProvisioned() + 1);
            } else if (state != null && state.isPending()) {
                counts.setPending(counts.getPending() + 1);
            } else if (state == ActivationState.Error || Conditions.isTrue(user.getStatus(), Conditions.STALLED)) {
                counts.setFailed(counts.getFailed() + 1);
            } else {
                counts.setInProgress(counts.getInProgress() + 1);
            }
        }
        counts.setSummary(counts.getProvisioned() + "/" + counts.getTotal());
        return counts;
    }
}
