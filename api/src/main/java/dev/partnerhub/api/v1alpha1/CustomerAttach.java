package dev.partnerhub.api.v1alpha1;

import io.fabric8.generator.annotation.Size;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** Attach an existing customer org instead of creating one. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CustomerAttach {

    @Size(max = 255)
    @Required
    @JsonPropertyDescription("Webex organization ID of the existing customer org. The org keeps its name. When it has "
            + "100 users or more, a verified or a claimed domain, its administrator must approve first (status "
            + "says how); otherwise the attach is automatic. One org can be attached to one Customer only. Cannot change "
            + "after creation.")
    private String orgId;

    public String getOrgId() {
        return orgId;
    }

    public void setOrgId(String orgId) {
        this.orgId = orgId;
    }
}
