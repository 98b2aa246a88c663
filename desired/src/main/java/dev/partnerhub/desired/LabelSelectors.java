package dev.partnerhub.desired;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.List;
import java.util.Map;

/** Kubernetes label selector semantics (matchLabels and matchExpressions), for in-memory checks. */
public final class LabelSelectors {

    private LabelSelectors() {
    }

    /**
     * Whether the labels match, as Kubernetes decides it: an empty selector ({}) matches everything; an absent one
     * (null) nothing, so that a field left out never selects by accident.
     */
    public static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null) {
            return false;
        }
        Map<String, String> actual = labels == null ? Map.of() : labels;
        if (selector.getMatchLabels() != null && !selector.getMatchLabels().entrySet().stream()
                .allMatch(e -> e.getValue().equals(actual.get(e.getKey())))) {
            return false;
        }
        List<LabelSelectorRequirement> expressions = selector.getMatchExpressions() == null ? List.of()
                : selector.getMatchExpressions();
        return expressions.stream().allMatch(r -> matches(r, actual));
    }

    private static boolean matches(LabelSelectorRequirement r, Map<String, String> labels) {
        String value = labels.get(r.getKey());
        List<String> values = r.getValues() == null ? List.of() : r.getValues();
        return switch (r.getOperator()) {
            case "In" -> value != null && values.contains(value);
            case "NotIn" -> value == null || !values.contains(value);
            case "Exists" -> labels.containsKey(r.getKey());
            case "DoesNotExist" -> !labels.containsKey(r.getKey());
            default -> false;
        };
    }
}
