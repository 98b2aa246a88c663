package dev.partnerhub.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Where a user's temporary password is: a Secret in the user's namespace, owned by the CustomerUser. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PasswordSecretRef {

    @JsonPropertyDescription("Name of the Secret.")
    private String name;

    @JsonPropertyDescription("Key of the temporary password in the Secret.")
    private String key;

    public PasswordSecretRef() {
    }

    public PasswordSecretRef(String name, String key) {
        this.name = name;
        this.key = key;
    }

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
