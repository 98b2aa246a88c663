package dev.partnerhub.operator.harness;

import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import dev.partnerhub.api.v1alpha1.ConditionedStatus;
import dev.partnerhub.api.v1alpha1.PartnerConnection;
import dev.partnerhub.api.v1alpha1.PartnerConnectionStatus;
import dev.partnerhub.api.v1alpha1.WebexModel;
import dev.partnerhub.operator.Fixtures;
import dev.partnerhub.operator.OperatorConfig;
import dev.partnerhub.operator.TestConfig;
import dev.partnerhub.operator.connection.ConnectionReason;
import dev.partnerhub.operator.events.ResourceEvents;
import dev.partnerhub.operator.fake.FakeProvider;
import dev.partnerhub.operator.fake.FakeProviderFactory;
import dev.partnerhub.operator.metrics.ProviderCallMetrics;
import dev.partnerhub.operator.metrics.ReconcileErrors;
import dev.partnerhub.operator.provider.LicenseDirectory;
import dev.partnerhub.operator.provider.ProviderFactories;
import dev.partnerhub.operator.provider.ProviderRegistry;
import dev.partnerhub.operator.provider.RemoteChanges;
import dev.partnerhub.operator.provider.Resolver;
import dev.partnerhub.operator.provider.UserDirectory;
import dev.partnerhub.operator.shard.Shard;
import dev.partnerhub.operator.status.CommonReason;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.operator.status.StatusRounds;
import dev.partnerhub.operator.tenancy.Namespaces;
import dev.partnerhub.sandbox.AdjustableClock;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.reconciler.Context;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import io.javaoperatorsdk.operator.api.reconciler.UpdateControl;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * A reconciler called as the framework calls it, one round at a time, for tests that assert what one round does:
 * over a Kubernetes API (the Fabric8 mock in CRUD mode), a namespace with a connection to a fresh
 * {@link FakeProvider}, and a clock that moves only when told. The framework's {@link Context} is a Mockito stand-in that answers from that API as
 * the informers would once synced; each kind's rounds say which secondary resources and indexes it answers.
 */
public final class Rounds {

    /**
     * One reconcile: the resource after it, the provider calls it made by operation, whether it wrote the status, and
     * when it asked to be called again without an event.
     */
    public record Round<P extends CustomResource<?, ? extends ConditionedStatus>>(P resource,
            Map<FakeProvider.Op, Integer> calls, boolean statusWritten, Optional<Duration> rescheduleAfter) {

        /** A condition as "status/reason", or "none". */
        public String condition(String type) {
            return Conditions.find(resource.getStatus().getConditions(), type)
                    .map(c -> c.getStatus() + "/" + c.getReason()).orElse("none");
        }
    }

    public final KubernetesClient client;
    public final String namespace;
    public final AdjustableClock clock;
    public final OperatorConfig config = TestConfig.defaults();
    public final FakeProvider fake;
    /** The operator-wide parts every reconciler shares, as Quarkus would inject them. */
    public final RemoteChanges changes = new RemoteChanges();
    public final UserDirectory users;
    public final LicenseDirectory licences;
    public final Shard shard;
    public final Namespaces namespaces;
    public final ProviderRegistry registry;
    public final Resolver resolver;
    /** What the operator's meters recorded in these rounds. */
    public final MeterRegistry meters = new SimpleMeterRegistry();
    public final ResourceEvents events;
    public final StatusRounds statusRounds;

    /** A namespace holding a token Secret and PartnerConnection {@code fake} to a fake provider of its own. */
    public Rounds(KubernetesClient client, String namespace, AdjustableClock clock) {
        this.client = client;
        this.namespace = namespace;
        this.clock = clock;
        this.events = new ResourceEvents(clock, "rounds-test", new ReconcileErrors(meters));
        this.statusRounds = new StatusRounds(clock, events);
        this.fake = FakeProviderFactory.provider(namespace);
        this.users = new UserDirectory(config, clock, changes);
        this.licences = new LicenseDirectory(config, clock, changes);
        this.shard = new Shard(config, client);
        // The operator's view of namespaces, read from the API (the operator's own is an informer Quarkus starts).
        this.namespaces = new Namespaces(client) {
            @Override
            public Optional<Namespace> get(String name) {
                return Optional.ofNullable(client.namespaces().withName(name).get());
            }
        };
        this.registry = new ProviderRegistry(client, new ProviderFactories(), shard, users, licences, config, clock,
                new ProviderCallMetrics(meters));
        this.resolver = new Resolver(registry, namespaces);
        client.resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build()).create();
        client.resource(Fixtures.tokenSecret(namespace, "fake-token")).create();
        client.resource(Fixtures.connection(namespace, "fake", "fake:" + namespace, WebexModel.WHOLESALE)).create();
        // Ready, as the connection's own reconciler leaves it after a successful probe.
        connectionStatus(Conditions.builder().ready(true, ConnectionReason.ProbeSucceeded, "The provider answered."));
    }

    /** The connection as its reconciler leaves it once the provider's circuit opened: not Ready, for an outage. */
    public void connectionDown() {
        connectionStatus(Conditions.builder()
                .ready(false, CommonReason.ProviderUnavailable, "The provider gives no usable answer.")
                .synced(false, CommonReason.ProviderUnavailable, "The provider gives no usable answer.").notStalled());
    }

    /** Writes these conditions into connection {@code fake}'s status, as its reconciler would. */
    private void connectionStatus(Conditions conditions) {
        PartnerConnection connection = client.resources(PartnerConnection.class).inNamespace(namespace)
                .withName("fake").get();
        if (connection.getStatus() == null) {
            connection.setStatus(new PartnerConnectionStatus());
        }
        conditions.applyTo(connection.getStatus(), connection.getMetadata().getGeneration(), clock);
        client.resource(connection).updateStatus();
    }

    /** A framework context that writes through the API; the caller stubs what its kind reads from the informers. */
    @SuppressWarnings("unchecked")
    public <P extends CustomResource<?, ?>> Context<P> context() {
        Context<P> context = mock(Context.class, RETURNS_DEEP_STUBS);
        when(context.getClient()).thenReturn(client);
        return context;
    }

    /**
     * The primary cache of a kind as the framework's would answer {@code byIndex(index, key)} once synced: the
     * namespace's resources whose {@code keys} hold the key.
     */
    @SuppressWarnings("unchecked")
    public <P extends HasMetadata> IndexedResourceCache<P> primaryCache(Class<P> kind, String index,
            Function<P, List<String>> keys) {
        IndexedResourceCache<P> cache = mock(IndexedResourceCache.class);
        when(cache.byIndex(eq(index), anyString())).thenAnswer(call -> client.resources(kind).inNamespace(namespace)
                .list().getItems().stream().filter(r -> keys.apply(r).contains(call.<String>getArgument(1))).toList());
        return cache;
    }

    /** Reconciles the resource as it is in the API now, with the context made for it. */
    public <P extends CustomResource<?, ? extends ConditionedStatus>> Round<P> reconcile(Class<P> kind, String name,
            Function<P, Context<P>> contextFor, BiFunction<P, Context<P>, UpdateControl<P>> reconcile) {
        P before = client.resources(kind).inNamespace(namespace).withName(name).get();
        Map<FakeProvider.Op, Integer> callsBefore = fake.calls();
        UpdateControl<P> control = reconcile.apply(before, contextFor.apply(before));
        P after = client.resources(kind).inNamespace(namespace).withName(name).get();
        Map<FakeProvider.Op, Integer> made = new HashMap<>();
        fake.calls().forEach((op, count) -> {
            int delta = count - callsBefore.getOrDefault(op, 0);
            if (delta > 0) {
                made.put(op, delta);
            }
        });
        return new Round<>(after, made, !before.getMetadata().getResourceVersion()
                .equals(after.getMetadata().getResourceVersion()), control.getScheduleDelay().map(Duration::ofMillis));
    }
}
