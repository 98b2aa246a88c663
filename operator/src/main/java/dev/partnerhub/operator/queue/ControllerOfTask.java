package dev.partnerhub.operator.queue;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.function.Function;

/**
 * The controller a reconcile task belongs to. The framework's task names itself {@code "<controller> -> <resource>"}
 * (as its debug log prints it) and offers nothing else to tell; a task named otherwise, or after an unknown
 * controller, goes to the shared lane, where it is served first come first served as before.
 * {@code MetricsTest} fails should a new framework version name its tasks otherwise.
 */
final class ControllerOfTask implements Function<Runnable, String> {

    private static final String SEPARATOR = " -> ";

    private final Set<String> controllers;
    private final String other;

    ControllerOfTask(Set<String> controllers, String other) {
        this.controllers = Set.copyOf(controllers);
        this.other = other;
    }

    @Override
    public String apply(Runnable task) {
        String name = task.toString();
        int end = name.indexOf(SEPARATOR);
        if (end > 0) {
            String controller = name.substring(0, end);
            if (controllers.contains(controller)) {
                return controller;
            }
        }
        return other;
    }

    /** Every lane a task can go to: one per controller and the shared one. */
    Set<String> lanes() {
        Set<String> lanes = new LinkedHashSet<>(controllers.stream().sorted().toList());
        lanes.add(other);
        return lanes;
    }
}
