package dev.partnerhub.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * A user a CustomerUser of this namespace deleted, where the provider keeps deleted users restorable for a while: a
 * CustomerUser applied again with the same key restores it, with its licences, instead of creating a new one.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class DeletedUser {

    @JsonPropertyDescription("The provider's ID of the deleted user.")
    private String userId;

    @JsonPropertyDescription("Its key: the email or user principal name.")
    private String key;

    @JsonPropertyDescription("The CustomerUser that deleted it.")
    private String deletedBy;

    @JsonPropertyDescription("When the operator deleted it (RFC 3339).")
    private String deletedAt;

    public DeletedUser() {
    }

    public DeletedUser(String userId, String key, String deletedBy, String deletedAt) {
        this.userId = userId;
        this.key = key;
        this.deletedBy = deletedBy;
        this.deletedAt = deletedAt;
    }

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getDeletedBy() {
        return deletedBy;
    }

    public void setDeletedBy(String deletedBy) {
        this.deletedBy = deletedBy;
    }

    public String getDeletedAt() {
        return deletedAt;
    }

    public void setDeletedAt(String deletedAt) {
        this.deletedAt = deletedAt;
    }
}
