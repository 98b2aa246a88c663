package dev.partnerhub.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The last token of each imperative annotation the operator acted on: it acts once per new token. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class UserActions {

    @JsonPropertyDescription("Token of the last partnerhub.dev/retry-activation acted on.")
    private String retryActivation;

    @JsonPropertyDescription("Token of the last partnerhub.dev/resend-consent acted on.")
    private String resendConsent;

    @JsonPropertyDescription("Token of the last partnerhub.dev/reset-password acted on.")
    private String resetPassword;

    @JsonPropertyDescription("Token of the last partnerhub.dev/reassign-package acted on.")
    private String reassignPackage;

    @JsonPropertyDescription("What the last package reassignment did: the licences taken away and given back, or "
            + "those the provider refused back, with its error.")
    private String reassignPackageResult;

    @JsonPropertyDescription("An action that deletes something remotely (retry-activation deletes the stuck "
            + "subscriber, reassign-package unassigns the package) and is held by the connection's deletion "
            + "protection: which, and how to release it. It is done, and this cleared, once released.")
    private String held;

    public String getHeld() {
        return held;
    }

    public void setHeld(String held) {
        this.held = held;
    }

    public String getReassignPackage() {
        return reassignPackage;
    }

    public void setReassignPackage(String reassignPackage) {
        this.reassignPackage = reassignPackage;
    }

    public String getReassignPackageResult() {
        return reassignPackageResult;
    }

    public void setReassignPackageResult(String reassignPackageResult) {
        this.reassignPackageResult = reassignPackageResult;
    }

    public String getResetPassword() {
        return resetPassword;
    }

    public void setResetPassword(String resetPassword) {
        this.resetPassword = resetPassword;
    }

    public String getRetryActivation() {
        return retryActivation;
    }

    public void setRetryActivation(String retryActivation) {
        this.retryActivation = retryActivation;
    }

    public String getResendConsent() {
        return resendConsent;
    }

    public void setResendConsent(String resendConsent) {
        this.resendConsent = resendConsent;
    }
}
