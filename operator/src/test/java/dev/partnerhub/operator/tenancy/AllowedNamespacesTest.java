package dev.partnerhub.operator.tenancy;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A connection's spec.allowedNamespaces: which other namespaces' Customers may use its credentials. Absent or empty,
 * none (DESIGN.md: "empty: its own namespace only"); every namespace only when the selector says so.
 */
class AllowedNamespacesTest {

    private static final Map<String, String> TENANT = Map.of("kubernetes.io/metadata.name", "tenant-a",
            "partnerhub.dev/tenant", "yes");

    @Test
    void anAbsentSelectorAllowsNoOtherNamespace() {
        assertThat(Namespaces.selects(null, TENANT)).isFalse();
    }

    @Test
    void anEmptySelectorAllowsNoOtherNamespaceUnlikeAKubernetesSelector() {
        assertThat(Namespaces.selects(new LabelSelector(), TENANT)).isFalse();
        assertThat(Namespaces.selects(new LabelSelectorBuilder().withMatchLabels(Map.of()).build(), TENANT)).isFalse();
    }

    @Test
    void aSelectorAllowsTheNamespacesItSelects() {
        assertThat(Namespaces.selects(new LabelSelectorBuilder().addToMatchLabels("partnerhub.dev/tenant", "yes")
                .build(), TENANT)).isTrue();
        assertThat(Namespaces.selects(new LabelSelectorBuilder().addToMatchLabels("partnerhub.dev/tenant", "no")
                .build(), TENANT)).isFalse();
    }

    @Test
    void everyNamespaceIsAllowedOnlyBySelectingTheNameLabelEveryNamespaceCarries() {
        LabelSelector every = new LabelSelectorBuilder().addNewMatchExpression()
                .withKey("kubernetes.io/metadata.name").withOperator("Exists").endMatchExpression().build();
        assertThat(Namespaces.selects(every, TENANT)).isTrue();
        assertThat(Namespaces.selects(every, Map.of("kubernetes.io/metadata.name", "other"))).isTrue();
    }
}
