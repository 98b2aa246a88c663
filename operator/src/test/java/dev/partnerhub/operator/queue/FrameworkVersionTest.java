package dev.partnerhub.operator.queue;

import static org.assertj.core.api.Assertions.assertThat;

import io.javaoperatorsdk.operator.api.config.Utils;
import org.junit.jupiter.api.Test;

/**
 * Fails on every Java Operator SDK version but the one {@link ReconcileQueue} was checked against: its lanes rely on
 * the framework's internals (its Javadoc names them), which no version promises to keep.
 */
class FrameworkVersionTest {

    @Test
    void theFrameworkIsTheVersionTheReconcileQueueWasCheckedAgainst() {
        assertThat(Utils.VERSION.getSdkVersion()).as("Java Operator SDK changed: check ReconcileQueue's three "
                + "internals (its Javadoc), run MetricsTest, then set ReconcileQueue.FRAMEWORK_VERIFIED")
                .isEqualTo(ReconcileQueue.FRAMEWORK_VERIFIED);
    }
}
