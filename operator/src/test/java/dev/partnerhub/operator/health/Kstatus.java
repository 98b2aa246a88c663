package dev.partnerhub.operator.health;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What kstatus (sigs.k8s.io/cli-utils, pkg/kstatus) computes for a custom resource, which Flux's health checks and
 * {@code kubectl wait}-like tools use. For a kind it has no rules of its own for, kstatus decides by the properties
 * every resource shares, in this order: a deletion timestamp is Terminating; a {@code status.observedGeneration}
 * other than {@code metadata.generation} is InProgress; a {@code Reconciling} condition True is InProgress; a
 * {@code Stalled} condition True is Failed; anything else is Current (Ready itself is not read).
 */
public final class Kstatus {

    public enum Result {
        InProgress, Current, Failed, Terminating
    }

    private Kstatus() {
    }

    public static Result compute(JsonNode resource) {
        JsonNode metadata = resource.path("metadata");
        if (!metadata.path("deletionTimestamp").asText("").isEmpty()) {
            return Result.Terminating;
        }
        JsonNode observed = resource.path("status").path("observedGeneration");
        if (metadata.has("generation") && observed.isNumber()
                && observed.asLong() != metadata.path("generation").asLong()) {
            return Result.InProgress;
        }
        for (JsonNode condition : resource.path("status").path("conditions")) {
            boolean isTrue = "True".equals(condition.path("status").asText());
            if (isTrue && "Reconciling".equals(condition.path("type").asText())) {
                return Result.InProgress;
            }
            if (isTrue && "Stalled".equals(condition.path("type").asText())) {
                return Result.Failed;
            }
        }
        return Result.Current;
    }
}
