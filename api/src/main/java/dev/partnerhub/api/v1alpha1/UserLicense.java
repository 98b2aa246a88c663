package dev.partnerhub.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** One licence a user holds or should hold, and who asked for it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class UserLicense {

    @JsonPropertyDescription("The licence's name in the hub, for example Contact Center Premium Agent.")
    private String license;

    @JsonPropertyDescription("The hub's licence ID.")
    private String licenseId;

    @JsonPropertyDescription("Active, Pending (the user is not provisioned yet) or Error.")
    private LicenseState state;

    @JsonPropertyDescription("In state Error: CountViolation, DependencyViolation, MutuallyExclusiveViolation or Other.")
    private LicenseFailureReason reason;

    @JsonPropertyDescription("In state Error: the provider's error, unchanged.")
    private ProviderError error;

    @JsonPropertyDescription("The LicenseAssignment that assigns it, or package when the user's package brings it; "
            + "absent for a licence nobody declared.")
    private String assignedBy;

    public String getLicense() {
        return license;
    }

    public void setLicense(String license) {
        this.license = license;
    }

    public String getLicenseId() {
        return licenseId;
    }

    public void setLicenseId(String licenseId) {
        this.licenseId = licenseId;
    }

    public LicenseState getState() {
        return state;
    }

    public void setState(LicenseState state) {
        this.state = state;
    }

    public LicenseFailureReason getReason() {
        return reason;
    }

    public void setReason(LicenseFailureReason reason) {
        this.reason = reason;
    }

    public ProviderError getError() {
        return error;
    }

    public void setError(ProviderError error) {
        this.error = error;
    }

    public String getAssignedBy() {
        return assignedBy;
    }

    public void setAssignedBy(String assignedBy) {
        this.assignedBy = assignedBy;
    }
}
