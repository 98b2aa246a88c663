package dev.partnerhub.api.v1alpha1;

import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.generator.annotation.Size;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.ValidationRule;
import io.fabric8.kubernetes.api.model.LabelSelector;
import java.util.ArrayList;
import java.util.List;

/** The CustomerUsers a licence is assigned to: by name, by label selector, or both (union). */
@JsonInclude(JsonInclude.Include.NON_NULL)
@ValidationRule(value = "(has(self.names) && size(self.names) > 0) || has(self.selector)", reason = "FieldValueRequired",
        message = "name the users, or select them with a label selector ({} selects every CustomerUser of the customer)")
public class LicenseUsers {

    @Size(max = 1000)
    @JsonPropertyDescription("Names of CustomerUsers in this namespace.")
    private List<@Size(max = 253) String> names = new ArrayList<>();

    @SchemaFrom(type = LabelSelectorSchema.class)
    @JsonPropertyDescription("Label selector of CustomerUsers of the customer, as Kubernetes has it: {} selects every "
            + "one of them.")
    private LabelSelector selector;

    public List<String> getNames() {
        return names;
    }

    public void setNames(List<String> names) {
        this.names = names;
    }

    public LabelSelector getSelector() {
        return selector;
    }

    public void setSelector(LabelSelector selector) {
        this.selector = selector;
    }
}
