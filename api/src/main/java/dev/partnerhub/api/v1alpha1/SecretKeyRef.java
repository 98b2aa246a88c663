package dev.partnerhub.api.v1alpha1;

import io.fabric8.generator.annotation.Size;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** A key of a Secret in the connection's namespace. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class SecretKeyRef {

    @Size(max = 253)
    @Required
    @JsonPropertyDescription("Name of the Secret, in the PartnerConnection's namespace.")
    private String name;

    @Size(max = 253)
    @JsonPropertyDescription("Key in the Secret whose value is the provider's bearer token. Default: token.")
    private String key = "token";

    public String getName() {
        return name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String getKey() {
        return key;
    }

    public void setKey(String key) {
        this.key = key;
    }
}
