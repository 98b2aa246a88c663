package dev.partnerhub.desired;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Kubernetes label selector semantics (matchLabels and matchExpressions), for in-memory checks, and the validation
 * the API server applies to the selectors of its own kinds (a custom resource's selector is only an object to it).
 */
public final class LabelSelectors {

    private static final List<String> OPERATORS = List.of("In", "NotIn", "Exists", "DoesNotExist");
    /** A label key: an optional DNS-subdomain prefix and "/", then a name of at most 63 characters. */
    private static final Pattern KEY = Pattern.compile(
            "([a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?");
    /** A label value: empty, or at most 63 characters of this shape. */
    private static final Pattern VALUE = Pattern.compile("([A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?)?");

    private LabelSelectors() {
    }

    /**
     * Whether the labels match, as Kubernetes decides it: an empty selector ({}) matches everything; an absent one
     * (null) nothing, so that a field left out never selects by accident; an invalid one nothing either.
     */
    public static boolean matches(LabelSelector selector, Map<String, String> labels) {
        if (selector == null || !problems(selector, "").isEmpty()) {
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

    /**
     * What Kubernetes would refuse in the selector, each naming the field under {@code path} and the fix; empty when
     * it is valid.
     */
    public static List<String> problems(LabelSelector selector, String path) {
        List<String> problems = new ArrayList<>();
        if (selector == null) {
            return problems;
        }
        if (selector.getMatchLabels() != null) {
            selector.getMatchLabels().forEach((key, value) -> {
                if (!validKey(key)) {
                    problems.add(path + ".matchLabels: key '" + key + "' is not a label key; use at most 63 "
                            + "letters, digits, '-', '_' or '.', beginning and ending with a letter or digit, after an "
                            + "optional DNS prefix and '/'.");
                }
                if (!validValue(value)) {
                    problems.add(path + ".matchLabels." + key + ": not a label value; use at most 63 letters, digits, "
                            + "'-', '_' or '.', beginning and ending with a letter or digit.");
                }
            });
        }
        List<LabelSelectorRequirement> expressions = selector.getMatchExpressions() == null ? List.of()
                : selector.getMatchExpressions();
        for (int i = 0; i < expressions.size(); i++) {
            problems.addAll(problems(expressions.get(i), path + ".matchExpressions[" + i + "]"));
        }
        return problems;
    }

    private static List<String> problems(LabelSelectorRequirement r, String path) {
        List<String> problems = new ArrayList<>();
        if (r == null) {
            problems.add(path + ": empty; give key and operator, or remove the entry.");
            return problems;
        }
        if (r.getKey() == null || !validKey(r.getKey())) {
            problems.add(path + ".key: " + (r.getKey() == null ? "required" : "'" + r.getKey() + "' is not a label key")
                    + "; name the label the requirement is about.");
        }
        boolean hasValues = r.getValues() != null && !r.getValues().isEmpty();
        if (r.getOperator() == null || !OPERATORS.contains(r.getOperator())) {
            problems.add(path + ".operator: " + (r.getOperator() == null ? "required" : "'" + r.getOperator()
                    + "' is not an operator") + "; use one of " + String.join(", ", OPERATORS) + ".");
        } else if (r.getOperator().endsWith("In") != hasValues) {
            problems.add(path + ".values: " + r.getOperator() + (hasValues ? " takes no values; remove them."
                    : " needs at least one value."));
        }
        if (hasValues) {
            r.getValues().stream().filter(v -> !validValue(v)).forEach(v -> problems.add(path + ".values: '" + v
                    + "' is not a label value."));
        }
        return problems;
    }

    private static boolean validKey(String key) {
        int slash = key.indexOf('/');
        String name = slash < 0 ? key : key.substring(slash + 1);
        return KEY.matcher(key).matches() && name.length() <= 63 && (slash < 0 || slash <= 253);
    }

    private static boolean validValue(String value) {
        return value != null && value.length() <= 63 && VALUE.matcher(value).matches();
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
