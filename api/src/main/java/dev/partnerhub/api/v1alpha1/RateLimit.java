package dev.partnerhub.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Max;
import io.fabric8.generator.annotation.Min;

/** Client-side rate limit shared by every reconciler that uses one connection. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class RateLimit {

    @Min(1)
    @Max(1000)
    @JsonPropertyDescription("Sustained requests per second to the provider. Default: 5.")
    private Integer requestsPerSecond = 5;

    @Min(1)
    @Max(1000)
    @JsonPropertyDescription("Requests that may be sent at once after an idle period. Default: 10.")
    private Integer burst = 10;

    public Integer getRequestsPerSecond() {
        return requestsPerSecond;
    }

    public void setRequestsPerSecond(Integer requestsPerSecond) {
        this.requestsPerSecond = requestsPerSecond;
    }

    public Integer getBurst() {
        return burst;
    }

    public void setBurst(Integer burst) {
        this.burst = burst;
    }
}
