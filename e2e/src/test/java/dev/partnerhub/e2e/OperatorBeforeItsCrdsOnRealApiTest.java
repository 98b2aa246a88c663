package dev.partnerhub.e2e;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.partnerhub.e2e.kube.ControlPlane;
import dev.partnerhub.e2e.kube.RealKubernetes;
import dev.partnerhub.e2e.support.Project;
import dev.partnerhub.e2e.support.Stack;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * An operator whose first lists fail (its CRDs not yet there, as when a GitOps tool applies the Deployment before
 * the CRDs, or an API server that answers 429 while a CRD's storage initialises) keeps retrying them and converges
 * once they answer, instead of stopping at startup (the framework's default, which leaves a pod restarting and a
 * bare process dead).
 */
@RealKubernetes
class OperatorBeforeItsCrdsOnRealApiTest {

    @Test
    void anOperatorStartedBeforeItsCrdsConvergesTheSamplesOnceTheyAreApplied(ControlPlane plane) throws Exception {
        try (Stack stack = Stack.start(plane, plane.adminKubeconfig())) {
            await().atMost(Duration.ofSeconds(60)).until(() -> stack.operator().log()
                    .contains("listSyncAndWatch failed for partnerhub.dev/v1alpha1/"));

            Project.installCrds(plane);
            stack.applySamples();
            stack.awaitReady("partnerconnections");
            stack.awaitReady("customers");
            assertThat(stack.operator().isAlive()).isTrue();
        }
    }
}
