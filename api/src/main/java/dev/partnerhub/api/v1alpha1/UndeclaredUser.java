package dev.partnerhub.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A user the hub holds for the customer but no CustomerUser declares; the operator never touches it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class UndeclaredUser {

    @JsonPropertyDescription("The hub's subscriber ID.")
    private String subscriberId;

    @JsonPropertyDescription("The BroadWorks user ID, if any.")
    private String userId;

    @JsonPropertyDescription("The email address the hub holds.")
    private String email;

    @JsonPropertyDescription("The hub's provisioning status, unchanged.")
    private String providerStatus;

    @JsonPropertyDescription("Whether the user activated themselves (User Access Portal) rather than being provisioned.")
    private Boolean selfActivated;

    public String getSubscriberId() {
        return subscriberId;
    }

    public void setSubscriberId(String subscriberId) {
        this.subscriberId = subscriberId;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getEmail() {
        return email;
    }

    public void setEmail(String email) {
        this.email = email;
    }

    public String getProviderStatus() {
        return providerStatus;
    }

    public void setProviderStatus(String providerStatus) {
        this.providerStatus = providerStatus;
    }

    public Boolean getSelfActivated() {
        return selfActivated;
    }

    public void setSelfActivated(Boolean selfActivated) {
        this.selfActivated = selfActivated;
    }
}
