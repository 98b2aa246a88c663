package dev.partnerhub.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonClassDescription;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.AdditionalPrinterColumn;
import io.fabric8.kubernetes.api.model.Namespaced;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.model.annotation.Categories;
import io.fabric8.kubernetes.model.annotation.Group;
import io.fabric8.kubernetes.model.annotation.ShortNames;
import io.fabric8.kubernetes.model.annotation.Version;

/** How to reach one provider account (a Webex partner org, a Partner Center tenant). */
@Group("partnerhub.dev")
@Version("v1alpha1")
@ShortNames("pconn")
@Categories("partnerhub")
@AdditionalPrinterColumn(name = "PROVIDER", jsonPath = ".spec.provider", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "MODEL", jsonPath = ".spec.webex.model", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "READY", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "CUSTOMERS", jsonPath = ".status.customers", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "HELD", jsonPath = ".status.deletions.held", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "REASON", jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason",
        type = AdditionalPrinterColumn.Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "AGE", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
@JsonClassDescription("How to reach one provider account (a Webex partner org or a Partner Center tenant): its "
        + "endpoint, credentials Secret, rate limit, deletion protection and the namespaces allowed to use "
        + "it.")
public class PartnerConnection extends CustomResource<PartnerConnectionSpec, PartnerConnectionStatus> implements Namespaced {

    @Override
    @JsonPropertyDescription("The provider account and how to call it.")
    public PartnerConnectionSpec getSpec() {
        return super.getSpec();
    }

    @Override
    @JsonPropertyDescription("Whether an authenticated call to the provider succeeds, the credentials' state, and who "
            + "depends on this connection.")
    public PartnerConnectionStatus getStatus() {
        return super.getStatus();
    }
}
