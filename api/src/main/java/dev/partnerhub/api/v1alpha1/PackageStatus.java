package dev.partnerhub.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.ArrayList;
import java.util.List;

/** The hub's state of one customer package. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PackageStatus {

    @JsonPropertyDescription("Package name.")
    private String name;

    @JsonPropertyDescription("The hub's status of the package, unchanged (provisioned, provisioning, error).")
    private String status;

    @JsonPropertyDescription("Warnings the hub reported for this package.")
    private List<ProviderError> warnings = new ArrayList<>();

    @JsonPropertyDescription("Errors the hub reported for this package.")
    private List<ProviderError> errors = new ArrayList<>();

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public List<ProviderError> getWarnings() {
        return warnings;
    }

    public void setWarnings(List<ProviderError> warnings) {
        this.warnings = warnings;
    }

    public List<ProviderError> getErrors() {
        return errors;
    }

    public void setErrors(List<ProviderError> errors) {
        this.errors = errors;
    }
}
