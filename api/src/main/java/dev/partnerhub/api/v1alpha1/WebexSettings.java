package dev.partnerhub.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** Webex-specific settings of a connection. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class WebexSettings {

    @JsonPropertyDescription("Provisioning model: wholesale (Customers are Wholesale customers, users are "
            + "Wholesale subscribers) or broadworks (Customers are BroadWorks enterprises, users are BroadWorks "
            + "subscribers). Default: wholesale.")
    private WebexModel model = WebexModel.WHOLESALE;

    public WebexModel getModel() {
        return model;
    }

    public void setModel(WebexModel model) {
        this.model = model;
    }
}
