package dev.partnerhub.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** Calling settings of a customer organization (Webex Wholesale). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CustomerCalling {

    @Required
    @JsonPropertyDescription("The office the customer's calling packages are provisioned for: Webex makes it the "
            + "customer's first calling location. Required when spec.packages holds a calling package.")
    private CallingLocation location;

    public CallingLocation getLocation() {
        return location;
    }

    public void setLocation(CallingLocation location) {
        this.location = location;
    }
}
