package dev.partnerhub.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A user of the assignment who did not get the licence, and why. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class LicenseFailure {

    @JsonPropertyDescription("The CustomerUser.")
    private String user;

    @JsonPropertyDescription("CountViolation, DependencyViolation, MutuallyExclusiveViolation or Other.")
    private LicenseFailureReason reason;

    @JsonPropertyDescription("The provider's error code, when it gave one.")
    private String code;

    @JsonPropertyDescription("What went wrong, in the provider's words where it gave any.")
    private String message;

    public String getUser() {
        return user;
    }

    public void setUser(String user) {
        this.user = user;
    }

    public LicenseFailureReason getReason() {
        return reason;
    }

    public void setReason(LicenseFailureReason reason) {
        this.reason = reason;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }
}
