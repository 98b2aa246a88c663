package dev.partnerhub.api.v1alpha1;

import io.fabric8.generator.annotation.Size;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** Points a user or a licence assignment at its Customer, in the same namespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CustomerRef {

    @Size(max = 253)
    @Required
    @JsonPropertyDescription("Name of the Customer, in the same namespace.")
    private String name;

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }
}
