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
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The threads that run the reconciles, fed by one queue lane per controller served in turn, as controller-runtime
 * gives each controller its own work queue. The framework (Java Operator SDK 5.2) runs every controller's reconciles
 * on one fixed pool, first come first served: a thousand new users queued their first reconciles ahead of their
 * Customer's, which waited seconds to create the customer they all waited for. Here a Customer's reconcile waits
 * for one reconcile of each other controller at most.
 *
 * <p>The framework's executor manager takes its pool from the configuration service when it is created, and the
 * Quarkus extension offers no setting for it; so just before the extension starts the operator, the manager is
 * stopped (its default pool has run nothing yet) and started again with this pool. Metrics per controller, like
 * controller-runtime's {@code workqueue_depth} and {@code workqueue_queue_duration_seconds}:
 * {@code partnerhub_reconcile_queue_depth} and {@code partnerhub_reconcile_queue_wait_seconds}.
 */
@ApplicationScoped
public class ReconcileQueue {

    private static final Logger LOG = Logger.getLogger(ReconcileQueue.class);
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
}
