package dev.partnerhub.operator.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** A task goes to its controller's lane when its name says which; otherwise to the shared one. */
class ControllerOfTaskTest {

    private final ReconcileQueue.ControllerOfTask controllerOf = new ReconcileQueue.ControllerOfTask(
            Set.of("customer", "customeruser"), "other");

    @Test
    void theNameBeforeTheArrowIsTheController() {
        assertThat(controllerOf.apply(named("customeruser -> ExecutionScope{resource=ResourceID{name='a -> b'}}")))
                .isEqualTo("customeruser");
        assertThat(controllerOf.apply(named("customer -> ResourceID{name='c0001', namespace='bench'}")))
                .isEqualTo("customer");
    }

    @Test
    void anUnknownControllerOrAnotherKindOfTaskGoesToTheSharedLane() {
        assertThat(controllerOf.apply(named("licenseassignment -> ExecutionScope{}"))).isEqualTo("other");
        assertThat(controllerOf.apply(named("customer"))).isEqualTo("other");
        assertThat(controllerOf.apply(named(" -> customer"))).isEqualTo("other");
        assertThat(controllerOf.lanes()).containsExactly("customer", "customeruser", "other");
    }

    private static Runnable named(String name) {
        return new Runnable() {
            @Override
            public void run() {
            }

            @Override
            public String toString() {
                return name;
            }
        };
    }
}
