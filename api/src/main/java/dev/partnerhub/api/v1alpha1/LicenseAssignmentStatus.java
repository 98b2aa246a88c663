package dev.partnerhub.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;

/** Observed state of a LicenseAssignment (its reconciler arrives with the licences issue). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LicenseAssignmentStatus extends ConditionedStatus {
}
