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

/** One licence for a set of users of one customer. */
@Group("partnerhub.dev")
@Version("v1alpha1")
@ShortNames("lic")
@Categories("partnerhub")
@AdditionalPrinterColumn(name = "CUSTOMER", jsonPath = ".spec.customerRef.name", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "LICENSE", jsonPath = ".spec.license", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "MODE", jsonPath = ".spec.mode", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "READY", jsonPath = ".status.conditions[?(@.type==\"Ready\")].status",
        type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "ASSIGNED", jsonPath = ".status.summary", type = AdditionalPrinterColumn.Type.STRING)
@AdditionalPrinterColumn(name = "AVAILABLE", jsonPath = ".status.seats.available",
        type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "FAILED", jsonPath = ".status.failed", type = AdditionalPrinterColumn.Type.INTEGER)
@AdditionalPrinterColumn(name = "AGE", jsonPath = ".metadata.creationTimestamp", type = AdditionalPrinterColumn.Type.DATE)
@JsonClassDescription("One licence for a set of CustomerUsers of one customer, named or selected by labels, like "
        + "group-based licensing: Additive adds it, Exclusive also removes it from the others.")
public class LicenseAssignment extends CustomResource<LicenseAssignmentSpec, LicenseAssignmentStatus> implements Namespaced {

    @Override
    @JsonPropertyDescription("The licence, the customer and the users that should hold it.")
    public LicenseAssignmentSpec getSpec() {
        return super.getSpec();
    }

    @Override
    @JsonPropertyDescription("The licence's seats, how many selected users hold it, and the first failures.")
    public LicenseAssignmentStatus getStatus() {
        return super.getStatus();
    }
}
