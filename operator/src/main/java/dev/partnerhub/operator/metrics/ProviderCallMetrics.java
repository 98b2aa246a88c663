package dev.partnerhub.operator.metrics;

import dev.partnerhub.providers.spi.http.CallObserver;
import dev.partnerhub.providers.spi.http.CircuitBreaker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The calls of each connection to its provider, as an on-call reads them: every attempt sent, by connection,
 * operation and outcome ({@code partnerhub_provider_calls_total}), its latency by connection and operation (the
 * histogram {@code partnerhub_provider_call_seconds}), the provider's requests to slow down and how much longer they
 * made the connection wait ({@code partnerhub_provider_throttled_total},
 * {@code partnerhub_provider_throttled_wait_seconds_total}), the waits for the connection's rate
 * ({@code partnerhub_provider_limiter_wait_seconds}) and its circuit ({@code partnerhub_connection_circuit_state}: 0
 * closed, 1 open, 2 quarantined). Connections are few and operations are templated ({@link Operations}), at most
 * {@value #MOST_OPERATIONS} per connection; the histogram is per operation only, not per outcome, so that a
 * connection costs at most a few tens of kilobytes of {@code /q/metrics} whatever its calls meet.
 */
@ApplicationScoped
public class ProviderCallMetrics {

    static final int MOST_OPERATIONS = 30;
    /** Buckets of the latency histogram: a provider call takes from tens of milliseconds to its timeout. */
    private static final Duration[] BUCKETS = {Duration.ofMillis(100), Duration.ofMillis(250), Duration.ofMillis(500),
        Duration.ofSeconds(1), Duration.ofMillis(2500), Duration.ofSeconds(5), Duration.ofSeconds(10)};

    private final MeterRegistry registry;
    private final Map<String, Meter> circuits = new ConcurrentHashMap<>();
    private final Map<String, Set<String>> operations = new ConcurrentHashMap<>();

    public ProviderCallMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    /** The observer of the connection {@code connection} (namespace/name), whose circuit is {@code breaker}. */
    public CallObserver observe(String connection, CircuitBreaker breaker) {
        // The same connection with a new spec has a new breaker: its series reads the new one.
        Meter previous = circuits.remove(connection);
        if (previous != null) {
            registry.remove(previous);
        }
        circuits.put(connection, Gauge.builder("partnerhub.connection.circuit.state", breaker,
                        b -> b.health().state().ordinal())
                .description("The connection's circuit: 0 closed (calls go), 1 open (the provider failed every call "
                        + "of late; one trial now and then), 2 quarantined (open for longer than "
                        + "partnerhub.circuit.quarantine-after).")
                .tag("connection", connection).strongReference(true).register(registry));
        return new Observer(connection);
    }

    /** Drops every series of a deleted connection. */
    public void forget(String connection) {
        circuits.remove(connection);
        operations.remove(connection);
        registry.getMeters().stream().filter(m -> connection.equals(m.getId().getTag("connection"))
                && m.getId().getName().startsWith("partnerhub.")).forEach(registry::remove);
    }

    private final class Observer implements CallObserver {

        private final String connection;
        private final Counter throttled;
        private final Counter throttledWait;
        private final Timer turns;
        /** Each call's meters, registered on first use and kept: a provider call costs no registry look-up. */
        private final Map<String, Counter> calls = new ConcurrentHashMap<>();
        private final Map<String, Timer> latencies = new ConcurrentHashMap<>();

        Observer(String connection) {
            this.connection = connection;
            this.throttled = Counter.builder("partnerhub.provider.throttled").tag("connection", connection)
                    .description("Replies of the provider asking the connection to slow down (429, Retry-After).")
                    .register(registry);
            this.throttledWait = Counter.builder("partnerhub.provider.throttled.wait").baseUnit("seconds")
                    .tag("connection", connection).description("How much longer the provider's replies made every "
                            + "caller of the connection wait (overlapping pauses counted once).")
                    .register(registry);
            this.turns = Timer.builder("partnerhub.provider.limiter.wait").tag("connection", connection)
                    .description("How long calls waited for their turn at the connection's rate limit.")
                    .register(registry);
        }

        @Override
        public void answered(String method, URI uri, int status, Duration took) {
            record(method, uri, outcome(status), took);
        }

        @Override
        public void unusable(String method, URI uri, int status, Duration took) {
            record(method, uri, "bad_reply", took);
        }

        @Override
        public void unanswered(String method, URI uri, Duration took) {
            record(method, uri, "no_reply", took);
        }

        @Override
        public void throttled(Duration added) {
            throttled.increment();
            throttledWait.increment(added.toMillis() / 1000.0);
        }

        @Override
        public void waitedForTurn(Duration waited) {
            turns.record(waited.toNanos(), TimeUnit.NANOSECONDS);
        }

        private void record(String method, URI uri, String outcome, Duration took) {
            String operation = bounded(Operations.of(method, uri.getPath()));
            calls.computeIfAbsent(operation + " " + outcome, k -> Counter.builder("partnerhub.provider.calls")
                    .tag("connection", connection).tag("operation", operation).tag("outcome", outcome)
                    .description("Calls sent to the provider (each attempt), by operation and how they ended.")
                    .register(registry)).increment();
            latencies.computeIfAbsent(operation, k -> Timer.builder("partnerhub.provider.call")
                    .tag("connection", connection).tag("operation", operation).serviceLevelObjectives(BUCKETS)
                    .description("How long the provider's calls took, from sending to the whole reply.")
                    .register(registry)).record(took);
        }

        /** The operation, or "other" once the connection has {@value #MOST_OPERATIONS} others. */
        private String bounded(String operation) {
            Set<String> known = operations.computeIfAbsent(connection, c -> ConcurrentHashMap.newKeySet());
            if (known.contains(operation)) {
                return operation;
            }
            if (known.size() >= MOST_OPERATIONS) {
                return "other";
            }
            known.add(operation);
            return operation;
        }
    }

    /** How an attempt ended, in a few words an alert can name. */
    static String outcome(int status) {
        return switch (status / 100) {
            case 2 -> "success";
            case 3 -> "redirect";
            case 5 -> "server_error";
            default -> switch (status) {
                case 401 -> "unauthorized";
                case 403 -> "forbidden";
                case 404 -> "not_found";
                case 429 -> "rate_limited";
                default -> "refused";
            };
        };
    }
}
