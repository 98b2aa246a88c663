package dev.partnerhub.e2e.kube;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.TestTag;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints, at the end of the run, how many real-API tests ran and how many were skipped and why, so that the
 * build output never passes silently without them.
 */
public final class RealApiSummary implements TestExecutionListener {

    private static final TestTag TAG = TestTag.create(RealKubernetes.TAG);

    private final AtomicInteger ran = new AtomicInteger();
    private final AtomicInteger skipped = new AtomicInteger();
    private TestPlan plan;

    @Override
    public void testPlanExecutionStarted(TestPlan testPlan) {
        plan = testPlan;
    }

    @Override
    public void executionSkipped(TestIdentifier identifier, String reason) {
        if (identifier.getTags().contains(TAG)) {
            skipped.addAndGet(identifier.isTest() ? 1 : (int) plan.getDescendants(identifier).stream()
                    .filter(TestIdentifier::isTest).count());
        }
    }

    @Override
    public void executionFinished(TestIdentifier identifier, TestExecutionResult result) {
        if (identifier.isTest() && identifier.getTags().contains(TAG)) {
            ran.incrementAndGet();
        }
    }

    @Override
    public void testPlanExecutionFinished(TestPlan testPlan) {
        if (ran.get() + skipped.get() == 0) {
            return;
        }
        String line = "Real Kubernetes API tests: " + ran.get() + " ran on kube-apiserver " + ControlPlane.VERSION
                + ", " + skipped.get() + " skipped"
                + ControlPlane.missingBinaries().map(why -> " (" + why + ")").orElse("");
        System.out.println("[real-api] " + line);
    }
}
