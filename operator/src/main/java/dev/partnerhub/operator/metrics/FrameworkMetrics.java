package dev.partnerhub.operator.metrics;

import dev.partnerhub.operator.OperatorConfig;
import io.javaoperatorsdk.operator.api.monitoring.Metrics;
import io.javaoperatorsdk.operator.monitoring.micrometer.MicrometerMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * The framework's reconcile metrics, per controller (kind) only: per-resource series grow with the number of users
 * (one reconcile-time histogram per user) and are on only when {@code partnerhub.metrics.per-resource} asks.
 */
@ApplicationScoped
public class FrameworkMetrics {

    @Produces
    @Singleton
    Metrics metrics(MeterRegistry registry, OperatorConfig config) {
        return config.metrics().perResource()
                ? MicrometerMetrics.newPerResourceCollectingMicrometerMetricsBuilder(registry).build()
                : MicrometerMetrics.newMicrometerMetricsBuilder(registry).notCollectingMetricsPerResource().build();
    }
}
