package dev.partnerhub.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** A connection's remote deletions: those of the last hour, those held for approval, and the last approval. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DeletionsStatus {

    @JsonPropertyDescription("When each remote deletion of the last hour happened (RFC 3339), oldest first.")
    private List<String> lastHour = new ArrayList<>();

    @JsonPropertyDescription("How many remote deletions are held, waiting for approval.")
    private int held;

    @JsonPropertyDescription("The first held deletions: kind namespace/name and what it would delete.")
    private List<String> heldObjects = new ArrayList<>();

    @JsonPropertyDescription("The last token of partnerhub.dev/approve-deletions acted on.")
    private String approvedToken;

    @JsonPropertyDescription("The deletions released by the last approval and not done yet, by the operator's key "
            + "(the object's UID and what it deletes); a restarted operator still does them. An approval not acted on "
            + "within an hour lapses.")
    private List<String> approved = new ArrayList<>();

    public List<String> getLastHour() {
        return lastHour;
    }

    public void setLastHour(List<String> lastHour) {
        this.lastHour = lastHour;
    }

    public int getHeld() {
        return held;
    }

    public void setHeld(int held) {
        this.held = held;
    }

    public List<String> getHeldObjects() {
        return heldObjects;
    }

    public void setHeldObjects(List<String> heldObjects) {
        this.heldObjects = heldObjects;
    }

    public String getApprovedToken() {
        return approvedToken;
    }

    public void setApprovedToken(String approvedToken) {
        this.approvedToken = approvedToken;
    }

    public List<String> getApproved() {
        return approved;
    }

    public void setApproved(List<String> approved) {
        this.approved = approved;
    }
}
