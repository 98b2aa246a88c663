package dev.partnerhub.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Observed state of a PartnerConnection: Ready after an authenticated probe call. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PartnerConnectionStatus extends ConditionedStatus {

    @JsonPropertyDescription("The endpoint the operator talks to (spec.endpoint or the vendor's default).")
    private String endpoint;

    @JsonPropertyDescription("When the last authenticated probe call succeeded.")
    private String lastProbeTime;

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public String getLastProbeTime() {
        return lastProbeTime;
    }

    public void setLastProbeTime(String lastProbeTime) {
        this.lastProbeTime = lastProbeTime;
    }
}
