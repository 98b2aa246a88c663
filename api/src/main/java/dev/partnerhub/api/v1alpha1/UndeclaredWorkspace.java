package dev.partnerhub.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A workspace the provider holds for the customer (BroadWorks: a place's device on a BroadWorks user ID). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class UndeclaredWorkspace {

    @JsonPropertyDescription("The provider's workspace ID.")
    private String workspaceId;

    @JsonPropertyDescription("The workspace's user ID on BroadWorks.")
    private String userId;

    @JsonPropertyDescription("The workspace's name.")
    private String displayName;

    public String getWorkspaceId() {
        return workspaceId;
    }

    public void setWorkspaceId(String workspaceId) {
        this.workspaceId = workspaceId;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }
}
