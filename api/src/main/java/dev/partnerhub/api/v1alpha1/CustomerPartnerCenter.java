package dev.partnerhub.api.v1alpha1;

import io.fabric8.generator.annotation.Size;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;

/** The Microsoft Partner Center customer tenant behind a Customer of a partnercenter connection. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CustomerPartnerCenter {

    @Size(max = 36)
    @Required
    @Pattern("^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$")
    @JsonPropertyDescription("The customer's tenant ID (a GUID), a tenant the partner already has a relationship "
            + "with. The operator manages the tenant's users and licences; it never creates or deletes the tenant. "
            + "Cannot change once set.")
    private String tenantId;

    public String getTenantId() {
        return tenantId;
    }

    public void setTenantId(String tenantId) {
        this.tenantId = tenantId;
    }
}
