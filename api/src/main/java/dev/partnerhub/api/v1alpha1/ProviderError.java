package dev.partnerhub.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** An error exactly as the provider reported it, so that a person can copy it to the vendor's support. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class ProviderError {

    @JsonPropertyDescription("The provider's error code, for example 10022.")
    private String code;

    @JsonPropertyDescription("The provider's description of the error, unchanged.")
    private String description;

    @JsonPropertyDescription("The provider's tracking ID of the failed request, for support cases.")
    private String trackingId;

    public ProviderError() {
    }

    public ProviderError(String code, String description, String trackingId) {
        this.code = code;
        this.description = description;
        this.trackingId = trackingId;
    }

    public String getCode() {
        return code;
    }

    public void setCode(String code) {
        this.code = code;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    public String getTrackingId() {
        return trackingId;
    }

    public void setTrackingId(String trackingId) {
        this.trackingId = trackingId;
    }
}
