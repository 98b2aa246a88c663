package dev.partnerhub.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import io.fabric8.generator.annotation.Required;

/**
 * The schema, never the Java type, of one status condition: Kubernetes' metav1.Condition with a description of each
 * field for {@code kubectl explain}. The status keeps Fabric8's {@code Condition}.
 */
public final class ConditionSchema {

    @Required
    @JsonPropertyDescription("Ready, Synced, Stalled or Reconciling (docs/api.md, \"How GitOps tools read a "
            + "resource\").")
    public String type;

    @Required
    @JsonPropertyDescription("True, False or Unknown.")
    public String status;

    @JsonPropertyDescription("Why the condition has this status, in one CamelCase word that tools may compare, such "
            + "as InvalidSpec, PendingEmailInput or ProviderUnavailable.")
    public String reason;

    @JsonPropertyDescription("What happened and what to do, for a person: the field and the fix, or who must act.")
    public String message;

    @JsonPropertyDescription("When the status last changed from True to False or back (RFC 3339).")
    public String lastTransitionTime;

    @JsonPropertyDescription("The metadata.generation that this condition was decided for.")
    public Long observedGeneration;

    private ConditionSchema() {
    }
}
