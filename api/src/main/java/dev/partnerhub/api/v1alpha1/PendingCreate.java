package dev.partnerhub.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * A create this resource sent to the provider, recorded before the call: until its ID is recorded, the object the
 * provider holds under this key is this resource's own (its reply was lost, or the operator stopped in between),
 * not someone else's.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PendingCreate {

    @JsonPropertyDescription("The key the object is created under: externalId, spEnterpriseId, email or BroadWorks "
            + "user ID.")
    private String key;

    @JsonPropertyDescription("When the create was recorded (RFC 3339).")
    private String since;

    public PendingCreate() {
    }

    public PendingCreate(String key, String since) {
        this.key = key;
        this.since = since;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }

    public String getSince() {
        return since;
    }

    public void setSince(String since) {
        this.since = since;
    }
}
