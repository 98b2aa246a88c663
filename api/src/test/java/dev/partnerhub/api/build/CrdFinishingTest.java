package dev.partnerhub.api.build;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The kind's description lands under each version's schema, once, whatever the runs; AGE goes last. */
class CrdFinishingTest {

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
        String described = CrdFinishing.describe(CRD);
        assertThat(described).contains("      openAPIV3Schema:\n        description: \"One customer organization of "
                + "the partner at a provider");
        assertThat(described.lines().filter(l -> l.strip().startsWith("description:"))).hasSize(1);
        assertThat(CrdFinishing.describe(described)).isEqualTo(described);
    }

    @Test
    void theAgeColumnMovesAfterTheOthers() {
        String crd = """
                spec:
                  versions:
                  - additionalPrinterColumns:
                    - jsonPath: ".metadata.creationTimestamp"
                      name: "AGE"
                      priority: 0
                      type: "date"
                    - jsonPath: ".status.orgId"
                      name: "ORG"
                      priority: 0
                      type: "string"
                    name: "v1alpha1"
                """;
        assertThat(CrdFinishing.ageLast(crd)).isEqualTo("""
                spec:
                  versions:
                  - additionalPrinterColumns:
                    - jsonPath: ".status.orgId"
                      name: "ORG"
                      priority: 0
                      type: "string"
                    - jsonPath: ".metadata.creationTimestamp"
                      name: "AGE"
                      priority: 0
                      type: "date"
                    name: "v1alpha1"
                """);
        assertThat(CrdFinishing.ageLast(CrdFinishing.ageLast(crd))).isEqualTo(CrdFinishing.ageLast(crd));
    }
}
