package dev.partnerhub.api.v1alpha1;

import io.fabric8.generator.annotation.Size;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** The BroadWorks enterprise behind a Customer of a broadworks connection. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CustomerBroadWorks {

    @Size(max = 255)
    @Required
    @JsonPropertyDescription("The service provider's unique identifier of the BroadWorks enterprise, for example "
            + "Reseller1+acme. The hub creates the customer org when its first subscriber is provisioned. Cannot change "
            + "once set.")
    private String spEnterpriseId;

    public String getSpEnterpriseId() {
        return spEnterpriseId;
    }

    public void setSpEnterpriseId(String spEnterpriseId) {
        this.spEnterpriseId = spEnterpriseId;
    }
}
