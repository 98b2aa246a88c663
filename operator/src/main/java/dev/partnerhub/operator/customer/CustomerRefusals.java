package dev.partnerhub.operator.customer;

import dev.partnerhub.api.v1alpha1.CustomerStatus;
import dev.partnerhub.desired.CustomerFields;
import dev.partnerhub.operator.status.CommonReason;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.operator.status.StatusSupport;
import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.providers.spi.errors.AttachRefusedException;
import dev.partnerhub.providers.spi.model.RemoteCustomer;

/** What a customer's status says when its key is someone else's, or its attach is refused. */
final class CustomerRefusals {

    private CustomerRefusals() {
    }

    /** Someone else's customer holds the key: nothing is touched; the message says how to take it over. */
    static void alreadyExists(Provider provider, RemoteCustomer foreign, Conditions conditions) {
        String field = CustomerFields.path(provider.capabilities().customers().key());
        String message = "A customer with " + field + " " + foreign.key() + " already exists in the provider ("
                + foreign.id() + ") and the operator did not create it. Set spec.adoptExisting: true to manage it "
                + "from this Customer, or use another " + field + ".";
        conditions.ready(false, CommonReason.AlreadyExists, message).synced(true, CommonReason.Observed,
                "Observed the provider.").stalled(CommonReason.AlreadyExists, message);
    }

    /** An attach waits for the org's administrator, or for the org to be free; the caller asks again slowly. */
    static void attachRefused(AttachRefusedException e, CustomerStatus status, Conditions conditions) {
        String description = StatusSupport.firstDescription(e);
        status.setErrors(StatusSupport.errors(e));
        if (e.kind() == AttachRefusedException.Kind.APPROVAL_REQUIRED) {
            status.setPendingAction(description);
            conditions.ready(false, CommonReason.AdminApprovalRequired, description).synced(true, CommonReason.Observed,
                    "The hub answered: approval required.").stalled(CommonReason.AdminApprovalRequired,
                    "Waiting for the customer org's administrator: " + description);
        } else {
            conditions.ready(false, CustomerReason.OrgAlreadyAttached, "spec.attach.orgId: " + description)
                    .synced(true, CommonReason.Observed, "The hub answered: already attached.")
                    .stalled(CustomerReason.OrgAlreadyAttached, "spec.attach.orgId: " + description);
        }
    }
}
