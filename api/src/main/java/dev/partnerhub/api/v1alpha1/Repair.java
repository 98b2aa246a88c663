package dev.partnerhub.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** A change made behind the operator's back (in the provider's portal, by another tool) and what undid it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class Repair {

    @JsonPropertyDescription("When the operator noticed the drift and repaired it (RFC 3339).")
    private String time;

    @JsonPropertyDescription("What had changed in the provider, and what the operator did.")
    private String message;

    public Repair() {
    }

    public Repair(String time, String message) {
        this.time = time;
        this.message = message;
    }

    public String getTime() {
        return time;
    }

    public void setTime(String time) {
        this.time = time;
    }

    public String getMessage() {
        return message;
    }

    public void setMessage(String message) {
        this.message = message;
    }
}
