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

/** One customer organization of the partner. */
@Group("partnerhub.dev")
@Version("v1alpha1")
@ShortNames("cust")
@Categories("partnerhub")
@AdditionalPrinterColumn(name = "READY", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "ORG", jsonPath = ".status.orgId", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "USERS", jsonPath = ".status.users.summary", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "REASON", jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason",
        type = AdditionalPrinterColumn.Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "AGE", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
@JsonClassDescription("One customer organization of the partner at a provider (a Webex org, a Partner Center tenant): "
        + "created, attached or adopted through a PartnerConnection, with its packages; its users are "
        + "CustomerUsers.")
public class Customer extends CustomResource<CustomerSpec, CustomerStatus> implements Namespaced {

    @Override
    @JsonPropertyDescription("The customer organization as the partner declares it.")
    public CustomerSpec getSpec() {
        return super.getSpec();
    }

    @Override
    @JsonPropertyDescription("What the operator observed of the customer organization at the provider, with the "
            + "conditions Ready, Synced, Stalled and Reconciling.")
    public CustomerStatus getStatus() {
        return super.getStatus();
    }
}
