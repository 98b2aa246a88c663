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

/** One user in a customer organization. */
@Group("partnerhub.dev")
@Version("v1alpha1")
@ShortNames("cuser")
@Categories("partnerhub")
@AdditionalPrinterColumn(name = "CUSTOMER", jsonPath = ".spec.customerRef.name", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "PACKAGE", jsonPath = ".spec.package", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "ACTIVATION", jsonPath = ".status.activation.state", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "READY", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "EMAIL", jsonPath = ".spec.email", type = AdditionalPrinterColumn.Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "REASON", jsonPath = ".status.conditions[?(@.type==\"Ready\")].reason",
        type = AdditionalPrinterColumn.Type.STRING, priority = 1)
@AdditionalPrinterColumn(name = "AGE", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
@JsonClassDescription("One user of a customer organization: created, updated, licensed and deleted at the provider, "
        + "with its activation state, who must do what next and the provider's exact errors in its status.")
public class CustomerUser extends CustomResource<CustomerUserSpec, CustomerUserStatus> implements Namespaced {

    @Override
    @JsonPropertyDescription("The user as the partner declares it.")
    public CustomerUserSpec getSpec() {
        return super.getSpec();
    }

    @Override
    @JsonPropertyDescription("What the operator observed of the user at the provider: the activation state, who must "
            + "do what next, and the provider's exact errors.")
    public CustomerUserStatus getStatus() {
        return super.getStatus();
    }
}
