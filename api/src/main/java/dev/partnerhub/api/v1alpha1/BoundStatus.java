package dev.partnerhub.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Map;

/**
 * The status of a kind whose identity fields (its Customer, its connection, its key in the provider) cannot change
 * after creation: it records what they were, so that an edit is refused even where no admission rule runs, and a
 * finalizer acts on what the resource was bound to.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class BoundStatus extends ConditionedStatus {

    @JsonPropertyDescription("The fields that cannot change after creation, by path, as they were when the operator "
            + "first saw this resource. An edit that differs is refused (by the API server's validation rules, and "
            + "by the operator too), and deletion acts on these values.")
    private Map<String, String> createdWith;

    @JsonPropertyDescription("The last drift repaired: the remote object was deleted or changed outside the operator "
            + "(a portal, another tool) and the operator brought it back to the spec.")
    private Repair lastRepair;

    public Map<String, String> getCreatedWith() {
        return createdWith;
    }

    public void setCreatedWith(Map<String, String> createdWith) {
        this.createdWith = createdWith;
    }

    public Repair getLastRepair() {
        return lastRepair;
    }

    public void setLastRepair(Repair lastRepair) {
        this.lastRepair = lastRepair;
    }
}
