package dev.partnerhub.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Map;

/** Observed state of a PartnerConnection: Ready after an authenticated probe call, and who depends on it. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PartnerConnectionStatus extends ConditionedStatus {

    @JsonPropertyDescription("The fields that cannot change after creation (spec.provider, spec.webex.model), as they "
            + "were when the operator first saw this connection: its Customers live in that account and model. A "
            + "spec that differs is refused (by the API server's validation rules, and by the operator too).")
    private Map<String, String> createdWith;

    @JsonPropertyDescription("The endpoint the operator talks to (spec.endpoint or the vendor's default).")
    private String endpoint;

    @JsonPropertyDescription("How many Customers use this connection, in any namespace it allows. The connection, and "
            + "the Secret it reads its token from, are not released while any does, so that their finalizers can "
            + "always reach the provider.")
    private Integer customers;

    @JsonPropertyDescription("The credentials Secret this connection holds with a finalizer "
            + "(partnerhub.dev/credentials-of.NAME) until the connection is released.")
    private String credentialsHeld;


    @JsonPropertyDescription("Remote deletions through this connection: the last hour's, those held for approval, "
            + "and the last approval.")
    private DeletionsStatus deletions;

    @JsonPropertyDescription("The kind of credentials in use and when they expire; never the credentials.")
    private CredentialsStatus credentials;

    public Map<String, String> getCreatedWith() {
        return createdWith;
    }

    public void setCreatedWith(Map<String, String> createdWith) {
        this.createdWith = createdWith;
    }

    public CredentialsStatus getCredentials() {
        return credentials;
    }

    public void setCredentials(CredentialsStatus credentials) {
        this.credentials = credentials;
    }

    public Integer getCustomers() {
        return customers;
    }

    public void setCustomers(Integer customers) {
        this.customers = customers;
    }

    public String getCredentialsHeld() {
        return credentialsHeld;
    }

    public void setCredentialsHeld(String credentialsHeld) {
        this.credentialsHeld = credentialsHeld;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public DeletionsStatus getDeletions() {
        return deletions;
    }

    public void setDeletions(DeletionsStatus deletions) {
        this.deletions = deletions;
    }
}
