package dev.partnerhub.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Observed state of a PartnerConnection: Ready after an authenticated probe call. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PartnerConnectionStatus extends ConditionedStatus {

    @JsonPropertyDescription("The endpoint the operator talks to (spec.endpoint or the vendor's default).")
    private String endpoint;

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }
}
