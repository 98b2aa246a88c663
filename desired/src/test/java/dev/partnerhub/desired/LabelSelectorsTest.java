package dev.partnerhub.desired;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.LabelSelectorRequirementBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelSelectorsTest {

    private static LabelSelector expression(String key, String operator, String... values) {
        return new LabelSelectorBuilder().withMatchExpressions(new LabelSelectorRequirementBuilder().withKey(key)
                .withOperator(operator).withValues(values.length == 0 ? null : java.util.List.of(values)).build())
                .build();
    }

    @Test
    void validSelectorsHaveNoProblemAndMatchAsKubernetesDoes() {
        LabelSelector gold = expression("partnerhub.dev/tier", "In", "gold", "silver");
        assertThat(LabelSelectors.problems(gold, "spec.s")).isEmpty();
        assertThat(LabelSelectors.matches(gold, Map.of("partnerhub.dev/tier", "gold"))).isTrue();
        assertThat(LabelSelectors.matches(gold, Map.of("partnerhub.dev/tier", "bronze"))).isFalse();
        assertThat(LabelSelectors.matches(expression("tier", "DoesNotExist"), Map.of())).isTrue();
        assertThat(LabelSelectors.matches(new LabelSelector(), Map.of("a", "b"))).as("{} selects all").isTrue();
        assertThat(LabelSelectors.matches(null, Map.of("a", "b"))).as("absent selects none").isFalse();
    }

    @Test
    void eachThingKubernetesRefusesIsNamedWithItsFieldAndAnInvalidSelectorMatchesNobody() {
        assertThat(LabelSelectors.problems(expression("tier", null, "gold"), "spec.s")).singleElement().asString()
                .startsWith("spec.s.matchExpressions[0].operator: required; use one of In, NotIn, Exists");
        assertThat(LabelSelectors.problems(expression("tier", "Equals", "gold"), "spec.s")).singleElement()
                .asString().contains("'Equals' is not an operator");
        assertThat(LabelSelectors.problems(expression("tier", "In"), "spec.s")).singleElement().asString()
                .isEqualTo("spec.s.matchExpressions[0].values: In needs at least one value.");
        assertThat(LabelSelectors.problems(expression("tier", "Exists", "gold"), "spec.s")).singleElement()
                .asString().contains("Exists takes no values");
        assertThat(LabelSelectors.problems(expression(null, "Exists"), "spec.s")).singleElement().asString()
                .startsWith("spec.s.matchExpressions[0].key: required");
        assertThat(LabelSelectors.problems(expression("-bad-", "Exists"), "spec.s")).singleElement().asString()
                .contains("'-bad-' is not a label key");
        assertThat(LabelSelectors.problems(expression("tier", "In", "x".repeat(64)), "spec.s")).hasSize(1);
        assertThat(LabelSelectors.problems(new LabelSelectorBuilder().withMatchLabels(Map.of("tier", "gold plated"))
                .build(), "spec.s")).singleElement().asString().startsWith("spec.s.matchLabels.tier: not a label");
        assertThat(LabelSelectors.matches(expression("tier", null, "gold"), Map.of("tier", "gold"))).isFalse();
        assertThat(LabelSelectors.matches(expression("tier", "NotIn"), Map.of())).isFalse();
    }
}
