package dev.partnerhub.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Map;

/** How many of a customer's declared users are in each activation state. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class UserCounts {

    @JsonPropertyDescription("CustomerUsers that reference this customer.")
    private int total;

    @JsonPropertyDescription("Users in activation state Provisioned or Restored: active.")
    private int provisioned;

    @JsonPropertyDescription("Users waiting for a person (PendingEmailInput, PendingEmailValidation, PendingUserMigration).")
    private int pending;

    @JsonPropertyDescription("Users on their way (Provisioning, Updating) or not yet created.")
    private int inProgress;

    @JsonPropertyDescription("Users in activation state Error or Stalled by their spec.")
    private int failed;

    @JsonPropertyDescription("provisioned/total, for the USERS printer column.")
    private String summary;

    @JsonPropertyDescription("Users in each activation state (Provisioning, PendingEmailInput, PendingEmailValidation, "
            + "PendingUserMigration, Updating, Provisioned, Restored, Error), the states no user is in left out; users "
            + "not yet created are in none.")
    private Map<String, Integer> byState;

    public int getTotal() {
        return total;
    }

    public void setTotal(int total) {
        this.total = total;
    }

    public int getProvisioned() {
        return provisioned;
    }

    public void setProvisioned(int provisioned) {
        this.provisioned = provisioned;
    }

    public int getPending() {
        return pending;
    }

    public void setPending(int pending) {
        this.pending = pending;
    }

    public int getInProgress() {
        return inProgress;
    }

    public void setInProgress(int inProgress) {
        this.inProgress = inProgress;
    }

    public int getFailed() {
        return failed;
    }

    public void setFailed(int failed) {
        this.failed = failed;
    }

    public String getSummary() {
        return summary;
    }

    public void setSummary(String summary) {
        this.summary = summary;
    }

    public Map<String, Integer> getByState() {
        return byState;
    }

    public void setByState(Map<String, Integer> byState) {
        this.byState = byState;
    }
}
