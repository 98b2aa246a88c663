package dev.partnerhub.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A user's activation state, since when, and who must do what next. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Activation {

    @JsonPropertyDescription("Provisioning, PendingEmailInput, PendingEmailValidation, PendingUserMigration, Updating, "
            + "Provisioned, Restored (a deleted user brought back with its licences) or Error.")
    private ActivationState state;

    @JsonPropertyDescription("When the user entered this state (RFC 3339).")
    private String since;

    @JsonPropertyDescription("In a pending state: who must do what for the user to become active.")
    private String pendingAction;

    public ActivationState getState() {
        return state;
    }

    public void setState(ActivationState state) {
        this.state = state;
    }

    public String getSince() {
        return since;
    }

    public void setSince(String since) {
        this.since = since;
    }

    public String getPendingAction() {
        return pendingAction;
    }

    public void setPendingAction(String pendingAction) {
        this.pendingAction = pendingAction;
    }
}
