package dev.partnerhub.operator.user;

import dev.partnerhub.api.v1alpha1.CustomerUserStatus;
import dev.partnerhub.operator.status.CommonReason;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.operator.status.StatusSupport;
import dev.partnerhub.providers.spi.errors.AttachRefusedException;
import dev.partnerhub.providers.spi.errors.ProviderRejectedException;
import java.time.Duration;

/** What a user's status says when the provider refused it. */
final class UserRefusals {

    private UserRefusals() {
    }

    /**
     * A refusal, with the provider's error. One that waits for the org's administrator (seed 003's error 2017 on an
     * attach) is looked at again now and then: the same request then succeeds. Any other is sent again only after a
     * spec edit or at the resync.
     *
     * @return when to look again; null: on the next event only
     */
    static Duration report(ProviderRejectedException e, CustomerUserStatus status, Conditions conditions,
            Duration pending) {
        status.setErrors(StatusSupport.errors(e));
        if (e instanceof AttachRefusedException attach && attach.kind() == AttachRefusedException.Kind.APPROVAL_REQUIRED) {
            String message = "Waiting for the customer org's administrator: " + StatusSupport.firstDescription(e);
            conditions.ready(false, CommonReason.AdminApprovalRequired, message).synced(true, CommonReason.Observed,
                    "The hub answered: approval required.").stalled(CommonReason.AdminApprovalRequired, message);
            return pending;
        }
        String message = "The hub refused the user (HTTP " + e.httpStatus() + "): " + StatusSupport.firstDescription(e);
        conditions.refused(CommonReason.ProviderRejected, message);
        return null;
    }
}
