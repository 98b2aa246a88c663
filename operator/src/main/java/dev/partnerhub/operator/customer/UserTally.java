package dev.partnerhub.operator.customer;

import dev.partnerhub.api.v1alpha1.ActivationState;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.UserCounts;
import dev.partnerhub.operator.status.Conditions;
import java.util.Collection;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Counts a customer's users by activation state, and in four groups (active, waiting for a person, on their way,
 * failed), for its status and the USERS printer column.
 */
public final class UserTally {

    private UserTally() {
    }

    public static UserCounts count(Collection<CustomerUser> users) {
        UserCounts counts = new UserCounts();
        Map<ActivationState, Integer> byState = new EnumMap<>(ActivationState.class);
        for (CustomerUser user : users) {
            ActivationState state = user.getStatus() == null || user.getStatus().getActivation() == null ? null
                    : user.getStatus().getActivation().getState();
            counts.setTotal(counts.getTotal() + 1);
            if (state != null) {
                byState.merge(state, 1, Integer::sum);
            }
            if (state == ActivationState.Provisioned || state == ActivationState.Restored) {
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
        // In the states' order, so that the same users give the same status (and no write).
        Map<String, Integer> named = new LinkedHashMap<>();
        byState.forEach((state, n) -> named.put(state.name(), n));
        counts.setByState(named.isEmpty() ? null : named);
        return counts;
    }
}
