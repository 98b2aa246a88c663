package dev.partnerhub.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The partner provisioning system a PartnerConnection reaches. */
public enum ProviderKind {
    @JsonProperty("webex")
    WEBEX,
    @JsonProperty("partnercenter")
    PARTNER_CENTER;

    /** The value as the manifest spells it. */
    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT).replace("_", "");
    }
}
