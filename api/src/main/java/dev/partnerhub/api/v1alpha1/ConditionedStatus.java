package dev.partnerhub.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.crd.generator.annotation.SchemaFrom;
import io.fabric8.kubernetes.api.model.Condition;
import java.util.ArrayList;
import java.util.List;

/** The part of every kind's status that the conditions helper owns. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public abstract class ConditionedStatus {

    @JsonPropertyDescription("The metadata.generation that this status describes.")
    private Long observedGeneration;

    @JsonPropertyDescription("Ready: converged and usable. Synced: the last call to the provider succeeded. "
            + "Stalled: cannot progress without a change to the manifest or a person's approval; the reason says "
            + "why. Reconciling: the operator is working towards Ready on its own. Not Ready and neither Stalled nor "
            + "Reconciling: waiting for a person outside the manifest, such as an end user's own activation.")
    @SchemaFrom(type = ConditionSchema[].class)
    private List<Condition> conditions = new ArrayList<>();

    public Long getObservedGeneration() {
        return observedGeneration;
    }

    public void setObservedGeneration(Long observedGeneration) {
        this.observedGeneration = observedGeneration;
    }

    public List<Condition> getConditions() {
        return conditions;
    }

    public void setConditions(List<Condition> conditions) {
        this.conditions = conditions;
    }
}
