package dev.partnerhub.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Pattern;
import io.fabric8.generator.annotation.Required;
import io.fabric8.generator.annotation.Size;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.LabelSelector;

/** How to reach one provider account. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "self.provider == oldSelf.provider", fieldPath = ".provider", reason = "FieldValueForbidden",
        message = "cannot change after creation: the connection's Customers live in that provider's account; create "
                + "a new PartnerConnection for the other provider")
@ValidationRule(value = "(has(self.webex) && has(self.webex.model) ? self.webex.model : 'wholesale') == "
        + "(has(oldSelf.webex) && has(oldSelf.webex.model) ? oldSelf.webex.model : 'wholesale')",
        fieldPath = ".webex.model", reason = "FieldValueForbidden",
        message = "cannot change after creation: the connection's Customers and users were made in that "
                + "provisioning model; create a new PartnerConnection for the other model")
public class PartnerConnectionSpec {

    @Required
    @JsonPropertyDescription("The provider: webex or partnercenter.")
    private ProviderKind provider;

    @Size(max = 2048)
    @Pattern("^https?://[^\\s]+$")
    @JsonPropertyDescription("Base URL of the provider's API. Default: the vendor's public URL "
            + "(https://webexapis.com/v1 for webex). The local partner hub's URL in local mode.")
    private String endpoint;

    @JsonPropertyDescription("Allow an http:// endpoint on a host other than this machine's loopback. The connection's "
            + "token then crosses the network in clear: only for a trusted network, such as a test hub in the same "
            + "cluster. Default false: such an endpoint is refused (InsecureEndpoint).")
    private Boolean allowInsecure;

    @Required
    @JsonPropertyDescription("The Secret with the provider's credentials: a static bearer token under key (default "
            + "token), or an OAuth client whose access tokens the operator renews: keys clientId, clientSecret and "
            + "refreshToken (and tenantId for partnercenter, the partner's own Microsoft Entra tenant); the operator "
            + "adds accessToken, accessTokenExpiresAt and refreshTokenExpiresAt and writes a rotated refresh token "
            + "back. Credentials never appear in status, events or logs.")
    private SecretKeyRef credentialsSecretRef;

    @JsonPropertyDescription("Client-side rate limit, shared by every resource that uses this connection.")
    private RateLimit rateLimit = new RateLimit();

    @SchemaFrom(type = LabelSelectorSchema.class)
    @JsonPropertyDescription("Label selector of the namespaces whose Customers may use this connection, besides its "
            + "own. Absent or empty ({}): none, only Customers in the connection's own namespace (unlike an empty "
            + "selector elsewhere in Kubernetes). Every namespace: matchExpressions [{key: kubernetes.io/metadata.name, "
            + "operator: Exists}].")
    private LabelSelector allowedNamespaces;


    @JsonPropertyDescription("How many remote deletions an hour this connection allows before a person must approve "
            + "more; protects customers from a deleted namespace, CRD or label selector.")
    private DeletionProtection deletionProtection = new DeletionProtection();

    @JsonPropertyDescription("Webex settings; used when provider is webex.")
    private WebexSettings webex = new WebexSettings();

    @JsonPropertyDescription("Partner Center settings; used when provider is partnercenter.")
    private PartnerCenterSettings partnerCenter;

    public ProviderKind getProvider() {
        return provider;
    }

    public void setProvider(ProviderKind provider) {
        this.provider = provider;
    }

    public Boolean getAllowInsecure() {
        return allowInsecure;
    }

    public void setAllowInsecure(Boolean allowInsecure) {
        this.allowInsecure = allowInsecure;
    }

    public String getEndpoint() {
        return endpoint;
    }

    public void setEndpoint(String endpoint) {
        this.endpoint = endpoint;
    }

    public SecretKeyRef getCredentialsSecretRef() {
        return credentialsSecretRef;
    }

    public void setCredentialsSecretRef(SecretKeyRef credentialsSecretRef) {
        this.credentialsSecretRef = credentialsSecretRef;
    }

    public RateLimit getRateLimit() {
        return rateLimit;
    }

    public void setRateLimit(RateLimit rateLimit) {
        this.rateLimit = rateLimit;
    }

    public LabelSelector getAllowedNamespaces() {
        return allowedNamespaces;
    }

    public void setAllowedNamespaces(LabelSelector allowedNamespaces) {
        this.allowedNamespaces = allowedNamespaces;
    }

    public WebexSettings getWebex() {
        return webex;
    }

    public void setWebex(WebexSettings webex) {
        this.webex = webex;
    }

    public PartnerCenterSettings getPartnerCenter() {
        return partnerCenter;
    }

    public void setPartnerCenter(PartnerCenterSettings partnerCenter) {
        this.partnerCenter = partnerCenter;
    }

    public DeletionProtection getDeletionProtection() {
        return deletionProtection;
    }

    public void setDeletionProtection(DeletionProtection deletionProtection) {
        this.deletionProtection = deletionProtection;
    }
}
