package dev.partnerhub.operator.queue;

import io.javaoperatorsdk.operator.api.config.ConfigurationService;
import io.javaoperatorsdk.operator.api.config.ExecutorServiceManager;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkiverse.operatorsdk.runtime.QuarkusConfigurationService;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * The threads that run the reconciles, fed by one queue lane per controller served in turn, as controller-runtime
 * gives each controller its own work queue. The framework runs every controller's reconciles on one fixed pool,
 * first come first served: a thousand new users queued their first reconciles ahead of their Customer's, which
 * waited seconds to create the customer they all waited for. Here a Customer's reconcile waits for one reconcile of
 * each other controller at most. Metrics per controller, like controller-runtime's {@code workqueue_depth} and
 * {@code workqueue_queue_duration_seconds}: {@code partnerhub_reconcile_queue_depth} and
 * {@code partnerhub_reconcile_queue_wait_seconds}.
 *
 * <p><b>The one adapter to the framework's internals.</b> Java Operator SDK {@value #FRAMEWORK_VERIFIED} and its
 * Quarkus extension offer no supported way to give a controller its own executor or queue: the executor is
 * operator-wide ({@code ConfigurationServiceOverrider.withExecutorService}), a controller's configuration has only a
 * rate limiter, and the extension builds the operator with no customizer (java-operator-sdk issue 2263 asked for a
 * pool per reconciler and was closed with the one pool). So this class, and no other, relies on three internals:
 * the framework's executor manager, stopped just before the extension starts the operator (its listener runs at
 * priority 3123; its default pool has run nothing yet) and started again with this pool; the reconcile task's
 * {@code toString()}, {@code "<controller> -> <resource>"} ({@code EventProcessor.ReconcilerExecutor}, package
 * private), which names the task's lane ({@link ControllerOfTask}); and the extension's configuration service as
 * the controllers' parent, from which the framework reads the executor. {@code MetricsTest} fails if a framework
 * version names its tasks otherwise or ignores the pool; {@code FrameworkVersionTest} fails on any framework version
 * but the one verified here, so that an upgrade checks this class first. {@link LaneQueue} knows nothing of the
 * framework.
 */
@ApplicationScoped
public class ReconcileQueue {

    private static final Logger LOG = Logger.getLogger(ReconcileQueue.class);
    /** The Java Operator SDK version whose internals this adapter was checked against. */
    static final String FRAMEWORK_VERIFIED = "5.2.1";
    /** Tasks of no known controller (none the framework submits today) share this lane. */
    static final String OTHER = "other";
    /** Before the extension's listener, which starts the operator at priority 3123. */
    private static final int BEFORE_OPERATOR_START = 3000;

    private final QuarkusConfigurationService configuration;
    private final MeterRegistry registry;
    private final Map<String, Timer> waits = new ConcurrentHashMap<>();
    private final List<Meter> meters = new ArrayList<>();

    public ReconcileQueue(QuarkusConfigurationService configuration, MeterRegistry registry) {
        this.configuration = configuration;
        this.registry = registry;
    }

    void start(@Observes @Priority(BEFORE_OPERATOR_START) StartupEvent event) {
        ControllerOfTask controllerOf = new ControllerOfTask(configuration.getKnownReconcilerNames(), OTHER);
        LaneQueue queue = new LaneQueue(controllerOf, this::taken, System::nanoTime);
        for (String controller : controllerOf.lanes()) {
            meters.add(Gauge.builder("partnerhub.reconcile.queue.depth", queue, q -> q.size(controller))
                    .description("Reconciles waiting for a thread")
                    .tag("controller", controller)
                    .register(registry));
            Timer wait = waitTimer(controller);
            meters.add(wait);
            waits.put(controller, wait);
        }
        int threads = configuration.concurrentReconciliationThreads();
        ThreadPoolExecutor pool = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS, queue,
                numbered("reconciler-"));
        // Every task through the queue, its lanes and its metrics: a pool short of its threads hands new tasks
        // straight to a new thread.
        pool.prestartAllCoreThreads();
        ConfigurationService withPool = ConfigurationService.newOverriddenConfigurationService(configuration,
                overrider -> overrider.withExecutorService(pool));
        ExecutorServiceManager manager = configuration.getExecutorServiceManager();
        manager.stop(Duration.ZERO);
        manager.start(withPool);
        LOG.debugf("Reconciles of %s on %d threads, one queue lane per controller", controllerOf.lanes(), threads);
    }

    /**
     * The meters go with this start of the application: the registry may outlive it (a test's or dev mode's restart),
     * and a gauge left behind would read the queue of a stopped pool.
     */
    void stop(@Observes ShutdownEvent event) {
        meters.forEach(registry::remove);
        meters.clear();
    }

    private void taken(String controller, long waitedNanos) {
        waits.get(controller).record(waitedNanos, TimeUnit.NANOSECONDS);
    }

    private Timer waitTimer(String controller) {
        return Timer.builder("partnerhub.reconcile.queue.wait")
                .description("How long reconciles waited for a thread")
                .tag("controller", controller)
                .register(registry);
    }

    private static ThreadFactory numbered(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return task -> {
            Thread thread = new Thread(task, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /**
     * The controller a reconcile task belongs to. The framework's task names itself
     * {@code "<controller> -> <resource>"} (as its debug log prints it) and offers nothing else to tell; a task named otherwise, or after an unknown
     * controller, goes to the shared lane, where it is served first come first served as before.
     * {@code MetricsTest} fails should a new framework version name its tasks otherwise.
     */
    static final class ControllerOfTask implements Function<Runnable, String> {

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
}
