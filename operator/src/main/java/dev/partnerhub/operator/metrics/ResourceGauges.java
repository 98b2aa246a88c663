package dev.partnerhub.operator.metrics;

import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.LicenseAssignment;
import dev.partnerhub.api.v1alpha1.UserLicense;
import dev.partnerhub.operator.OperatorConfig;
import dev.partnerhub.operator.ownership.CreatedWith;
import io.fabric8.kubernetes.api.model.Condition;
import io.javaoperatorsdk.operator.api.reconciler.ResourceCache;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * What the resources say, counted from the controllers' caches every {@code partnerhub.metrics.refresh}: users by
 * activation state ({@code partnerhub_users}), users Stalled by reason ({@code partnerhub_users_stalled}), the
 * users' licences by state ({@code partnerhub_user_licenses}) and the fewest seats left of each licence
 * ({@code partnerhub_license_seats_available}). Series per namespace, never per user; per customer only when
 * {@code partnerhub.metrics.per-customer} is on (a label {@code customer}).
 */
@ApplicationScoped
public class ResourceGauges {

    private static final Logger LOG = Logger.getLogger(ResourceGauges.class);

    private final boolean perCustomer;
    private final Series users;
    private final Series stalled;
    private final Series licences;
    private final Series seats;
    private final ScheduledExecutorService refresher = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "partnerhub-resource-gauges");
        thread.setDaemon(true);
        return thread;
    });
    private final Duration every;
    private boolean started;
    private boolean warned;
    private volatile ResourceCache<CustomerUser> userCache;
    private volatile ResourceCache<LicenseAssignment> assignmentCache;

    public ResourceGauges(MeterRegistry registry, OperatorConfig config) {
        this.perCustomer = config.metrics().perCustomer();
        this.users = new Series(MultiGauge.builder("partnerhub.users")
                .description("CustomerUsers by their activation state (Unknown: not yet read from the provider).")
                .register(registry));
        this.stalled = new Series(MultiGauge.builder("partnerhub.users.stalled")
                .description("CustomerUsers that cannot progress without a change or a person (Stalled), by reason.")
                .register(registry));
        this.licences = new Series(MultiGauge.builder("partnerhub.user.licenses")
                .description("The licences the CustomerUsers' status lists, by licence and state.").register(registry));
        this.seats = new Series(MultiGauge.builder("partnerhub.license.seats.available")
                .description("The fewest seats left of a licence among the customers a LicenseAssignment gives it in "
                        + "(per customer when partnerhub.metrics.per-customer is on).")
                .register(registry));
        this.every = config.metrics().refresh();
    }

    /** Counts the CustomerUser controller's resources from now on. */
    public void watchUsers(ResourceCache<CustomerUser> cache) {
        this.userCache = cache;
        start();
    }

    /** Counts the LicenseAssignment controller's resources from now on. */
    public void watchAssignments(ResourceCache<LicenseAssignment> cache) {
        this.assignmentCache = cache;
        start();
    }

    private synchronized void start() {
        if (!started) {
            started = true;
            refresher.scheduleWithFixedDelay(this::refreshQuietly, every.toMillis(), every.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    /** Counts again now (the scheduled refresh does so every {@code partnerhub.metrics.refresh}). */
    public synchronized void refresh() {
        Map<Tags, Long> byState = new HashMap<>();
        Map<Tags, Long> byReason = new HashMap<>();
        Map<Tags, Long> byLicence = new HashMap<>();
        ResourceCache<CustomerUser> userList = userCache;
        if (userList != null) {
            userList.list().forEach(user -> {
                Tags where = where(user.getMetadata().getNamespace(), CreatedWith.customerName(user));
                var status = user.getStatus();
                String state = status == null || status.getActivation() == null
                        || status.getActivation().getState() == null ? "Unknown"
                        : status.getActivation().getState().name();
                byState.merge(where.and("state", state), 1L, Long::sum);
                if (status == null) {
                    return;
                }
                stalledReason(status.getConditions()).ifPresent(reason ->
                        byReason.merge(where.and("reason", reason), 1L, Long::sum));
                for (UserLicense licence : status.getLicenses()) {
                    byLicence.merge(where.and("license", String.valueOf(licence.getLicense()), "state",
                            String.valueOf(licence.getState())), 1L, Long::sum);
                }
            });
        }
        Map<Tags, Long> fewest = new HashMap<>();
        ResourceCache<LicenseAssignment> assignmentList = assignmentCache;
        if (assignmentList != null) {
            assignmentList.list().filter(a -> a.getStatus() != null && a.getStatus().getSeats() != null
                    && a.getSpec().getLicense() != null).forEach(a -> fewest.merge(
                    where(a.getMetadata().getNamespace(), CreatedWith.customerName(a))
                            .and("license", a.getSpec().getLicense()),
                    (long) a.getStatus().getSeats().getAvailable(), Math::min));
        }
        users.set(byState);
        stalled.set(byReason);
        licences.set(byLicence);
        seats.set(fewest);
    }

    @PreDestroy
    void stop() {
        refresher.shutdownNow();
    }

    private void refreshQuietly() {
        try {
            refresh();
        } catch (RuntimeException e) {
            // A gauge that cannot be counted this time keeps its last value; the next refresh tries again. Told once
            // as a warning, then at debug level, so that a standby replica's log is not one line every refresh.
            if (!warned) {
                warned = true;
                LOG.warnf("Counting the resources for the metrics failed (told once): %s", e.toString());
            } else {
                LOG.debugf("Counting the resources for the metrics failed: %s", e.toString());
            }
        }
    }

    private Tags where(String namespace, String customer) {
        return perCustomer ? Tags.of("namespace", namespace, "customer", String.valueOf(customer))
                : Tags.of("namespace", namespace);
    }

    private static java.util.Optional<String> stalledReason(List<Condition> conditions) {
        return conditions == null ? java.util.Optional.empty() : conditions.stream()
                .filter(c -> "Stalled".equals(c.getType()) && "True".equals(c.getStatus()))
                .map(c -> c.getReason() == null ? "Unknown" : c.getReason()).findFirst();
    }

    /**
     * One gauge's series: a series keeps its meter while its tags stay and only its value changes, so that a scrape
     * during a refresh never finds it missing (a missing series would reset an alert's {@code for}).
     */
    private static final class Series {

        private final MultiGauge gauge;
        private final Map<Tags, AtomicLong> values = new ConcurrentHashMap<>();

        Series(MultiGauge gauge) {
            this.gauge = gauge;
        }

        void set(Map<Tags, Long> counted) {
            values.keySet().retainAll(counted.keySet());
            counted.forEach((tags, value) -> values.computeIfAbsent(tags, t -> new AtomicLong()).set(value));
            gauge.register(values.entrySet().stream().<MultiGauge.Row<?>>map(e -> MultiGauge.Row.of(e.getKey(),
                    e.getValue(), AtomicLong::get)).toList(), false);
        }
    }
}
