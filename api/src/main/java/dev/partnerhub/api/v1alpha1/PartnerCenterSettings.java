package dev.partnerhub.api.v1alpha1;

import io.fabric8.generator.annotation.Size;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Pattern;

/** Partner Center settings of a connection. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class PartnerCenterSettings {

    @Size(max = 2048)
    @Pattern("^(https://[^\\s]+|http://(127\\.0\\.0\\.1|localhost|\\[::1\\])(:[0-9]+)?(/[^\\s]*)?)$")
    @JsonPropertyDescription("The Microsoft identity platform's sign-in host whose token endpoint "
            + "(HOST/TENANT/oauth2/v2.0/token) renews App+User access tokens. Default: https://login.microsoftonline.com "
            + "(https only, but for a loopback host such as the local partner hub).")
    private String loginEndpoint;

    public String getLoginEndpoint() {
        return loginEndpoint;
    }

    public void setLoginEndpoint(String loginEndpoint) {
        this.loginEndpoint = loginEndpoint;
    }
}
