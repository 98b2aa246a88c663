package dev.partnerhub.operator.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

/** The chart's Argo CD script on statuses the operator does not write but a cluster may hold. */
class ArgoHealthTest {

    @Test
    void aConditionWithoutReasonOrAnObjectWithoutStatusStillGetsAHealth() throws Exception {
        ArgoHealth argo = ArgoHealth.load();
        assertThat(argo.of(new ObjectMapper().readTree("""
                {"kind": "Customer", "metadata": {"name": "a", "generation": 2},
                 "status": {"observedGeneration": 2, "conditions": [{"type": "Stalled", "status": "True"}]}}
                """)).status()).isEqualTo("Degraded");
        assertThat(argo.of(new ObjectMapper().readTree("""
                {"kind": "CustomerUser", "metadata": {"name": "new", "generation": 1}}
                """))).isEqualTo(new ArgoHealth.Health("Progressing", "Waiting for the operator to report a status."));
    }
}
