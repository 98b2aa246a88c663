package dev.partnerhub.api.build;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The kind's description lands under each version's schema, once, whatever the runs. */
class KindDescriptionsTest {

    private static final String CRD = """
            spec:
              names:
                kind: "Customer"
              versions:
              - name: "v1alpha1"
                schema:
                  openAPIV3Schema:
                    properties:
                      spec:
                        type: "object"
            """;

    @Test
    void theKindsDescriptionGoesUnderItsSchemaAndASecondRunChangesNothing() throws Exception {
        String described = KindDescriptions.describe(CRD);
        assertThat(described).contains("      openAPIV3Schema:\n        description: \"One customer organization of "
                + "the partner at a provider");
        assertThat(described.lines().filter(l -> l.strip().startsWith("description:"))).hasSize(1);
        assertThat(KindDescriptions.describe(described)).isEqualTo(described);
    }
}
