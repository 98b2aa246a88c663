package dev.partnerhub.operator.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code partnerhub_reconcile_errors_total{kind, reason}}: each error a status round states (Synced False, Stalled
 * True, Ready False for a failure), by kind and the condition's reason, counted every round it is stated, so that a
 * rate shows a failure repeated round after round. Reasons are the operator's own words: a bounded set.
 */
@ApplicationScoped
public class ReconcileErrors {

    private final MeterRegistry registry;

    public ReconcileErrors(MeterRegistry registry) {
        this.registry = registry;
    }

    public void count(String kind, String reason) {
        Counter.builder("partnerhub.reconcile.errors").tag("kind", kind).tag("reason", reason == null ? "" : reason)
                .description("Errors the reconciles stated in a resource's conditions, by kind and reason.")
                .register(registry).increment();
    }
}
