package dev.partnerhub.api.v1alpha1;

import io.fabric8.generator.annotation.Size;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** Points a Customer at the PartnerConnection it is provisioned through. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ConnectionRef {

    @Size(max = 253)
    @Required
    @JsonPropertyDescription("Name of the PartnerConnection.")
    private String name;

    @Size(max = 63)
    @JsonPropertyDescription("Namespace of the PartnerConnection. Default: the Customer's own namespace. Another "
            + "namespace must be allowed by that connection's spec.allowedNamespaces.")
    private String namespace;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getNamespace() {
        return namespace;
    }

    public void setNamespace(String namespace) {
        this.namespace = namespace;
    }
}
