package dev.partnerhub.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonProperty;

/** The Webex provisioning model of a connection: Wholesale route-to-market or Webex for BroadWorks. */
public enum WebexModel {
    @JsonProperty("wholesale")
    WHOLESALE,
    @JsonProperty("broadworks")
    BROADWORKS;

    /** The value as the manifest spells it. */
    public String value() {
        return name().toLowerCase(java.util.Locale.ROOT).replace("_", "");
    }
}
