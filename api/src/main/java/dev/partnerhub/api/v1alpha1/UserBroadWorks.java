package dev.partnerhub.api.v1alpha1;

import io.fabric8.generator.annotation.Size;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/** The BroadWorks side of a user on a broadworks connection. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class UserBroadWorks {

    @Size(max = 161)
    @Required
    @JsonPropertyDescription("The user's ID on BroadWorks, for example 95547321@sp.example.com. It identifies the "
            + "subscriber in the hub, so it cannot change once set.")
    private String userId;

    public String getUserId() {
        return userId;
    }

    public void setUserId(String userId) {
        this.userId = userId;
    }
}
