package dev.partnerhub.operator.provider;

import dev.partnerhub.api.v1alpha1.CredentialsKind;
import dev.partnerhub.api.v1alpha1.PartnerConnection;
import dev.partnerhub.api.v1alpha1.PartnerConnectionSpec;
import dev.partnerhub.api.v1alpha1.RateLimit;
import dev.partnerhub.api.v1alpha1.SecretKeyRef;
import dev.partnerhub.desired.ConnectionSpecs;
import dev.partnerhub.desired.LabelSelectors;
import dev.partnerhub.operator.OperatorConfig;
import dev.partnerhub.operator.metrics.ProviderCallMetrics;
import dev.partnerhub.operator.ownership.CreatedWith;
import dev.partnerhub.operator.provider.ConnectionException.Problem;
import dev.partnerhub.operator.shard.Shard;
import dev.partnerhub.providers.spi.ConnectionSettings;
import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.providers.spi.ProviderFactory;
import dev.partnerhub.providers.spi.auth.AccessTokens;
import dev.partnerhub.providers.spi.auth.IssuedTokens;
import dev.partnerhub.providers.spi.auth.RenewingAccessTokens;
import dev.partnerhub.providers.spi.auth.TokenGrant;
import dev.partnerhub.providers.spi.http.CircuitBreaker;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

/**
 * One provider per PartnerConnection, made by the factory of its {@code spec.provider} and shared by every
 * reconciler, so that the connection's rate limiter is shared too. It is made again when the connection's spec
 * changes; the credentials are re-read from the Secret whenever the connection is reconciled (and the Secret is
 * watched), so a rotated Secret takes effect without a restart: a static token as it is, an OAuth client as access
 * tokens renewed through the vendor's token endpoint and kept in the Secret. A replica that shares the connection
 * with other shards takes its part of the rate limit.
 */
@ApplicationScoped
public class ProviderRegistry {

    private record Entry(Object fingerprint, Provider provider, ProviderFactory factory, ConnectionSettings settings,
            AtomicReference<AccessTokens> tokens, AtomicReference<CredentialsKind> kind,
            AtomicReference<LabelSelector> allowedNamespaces) {
    }

    /** What a connection's credentials are now: their kind, and for an OAuth client the tokens in use, if any yet. */
    public record Credentials(CredentialsKind kind, IssuedTokens tokens) {
    }

    private final KubernetesClient client;
    private final ProviderFactories factories;
    private final Shard shard;
    private final UserDirectory users;
    private final LicenseDirectory licences;
    private final OperatorConfig config;
    private final Clock clock;
    private final ProviderCallMetrics metrics;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private volatile BiConsumer<String, String> healthChanged = (namespace, name) -> { };

    public ProviderRegistry(KubernetesClient client, ProviderFactories factories, Shard shard, UserDirectory users,
            LicenseDirectory licences, OperatorConfig config, Clock clock, ProviderCallMetrics metrics) {
        this.client = client;
        this.metrics = metrics;
        this.shard = shard;
        this.factories = factories;
        this.users = users;
        this.licences = licences;
        this.config = config;
        this.clock = clock;
    }

    public static String key(String namespace, String name) {
        return namespace + "/" + name;
    }

    /** Makes or refreshes the connection's provider, reading its credentials from the Secret. */
    public Provider refresh(PartnerConnection connection) throws ConnectionException {
        String key = key(connection.getMetadata().getNamespace(), connection.getMetadata().getName());
        ProviderFactory factory;
        ConnectionCredentials credentials;
        try {
            List<String> selector = LabelSelectors.problems(connection.getSpec().getAllowedNamespaces(),
                    "spec.allowedNamespaces");
            if (!selector.isEmpty()) {
                throw new ConnectionException(Problem.InvalidSpec, String.join(" ", selector));
            }
            refuseChangedIdentity(connection);
            ConnectionEndpoint.check(connection.getSpec());
            factory = factory(connection.getSpec());
            credentials = ConnectionCredentials.of(connection, readSecret(connection), factory);
        } catch (ConnectionException e) {
            // Credentials taken away are not used from memory any longer, nor is the dropped provider's circuit read.
            entries.remove(key);
            metrics.forget(key);
            throw e;
        }
        Object fingerprint = fingerprint(connection.getSpec());
        Entry existing = entries.get(key);
        if (existing != null && existing.fingerprint().equals(fingerprint)) {
            existing.tokens().set(tokens(connection, credentials, existing.factory(), existing.settings(),
                    existing.tokens().get()));
            existing.kind().set(credentials.kind());
            existing.allowedNamespaces().set(connection.getSpec().getAllowedNamespaces());
            return existing.provider();
        }
        AtomicReference<AccessTokens> tokens = new AtomicReference<>();
        OperatorConfig.Circuit circuit = config.circuit();
        // Outages are timed on the real clock, as the rate limit is: the provider's recovery does not follow ours.
        CircuitBreaker breaker = new CircuitBreaker(circuit.failures(), circuit.firstWait(), circuit.longestWait(),
                circuit.quarantineAfter(), Clock.systemUTC());
        String namespace = connection.getMetadata().getNamespace();
        String name = connection.getMetadata().getName();
        breaker.onChange(() -> healthChanged.accept(namespace, name));
        ConnectionSettings settings = ConnectionSpecs.settings(connection.getSpec(), delegating(tokens), shard.share(),
                breaker, metrics.observe(key, breaker));
        Provider provider;
        try {
            provider = factory.create(settings);
            tokens.set(tokens(connection, credentials, factory, settings, null));
        } catch (IllegalArgumentException e) {
            entries.remove(key);
            throw new ConnectionException(Problem.InvalidSpec, e.getMessage());
        }
        entries.put(key, new Entry(fingerprint, provider, factory, settings, tokens,
                new AtomicReference<>(credentials.kind()),
                new AtomicReference<>(connection.getSpec().getAllowedNamespaces())));
        return provider;
    }

    /**
     * The access tokens of these credentials: a static token as it is; an OAuth client's renewed through the
     * factory's token endpoint, the renewer kept while the client stays the same (it knows the tokens in use).
     */
    private AccessTokens tokens(PartnerConnection connection, ConnectionCredentials credentials,
            ProviderFactory factory, ConnectionSettings settings, AccessTokens current) throws ConnectionException {
        if (credentials.kind() == CredentialsKind.StaticToken) {
            String token = credentials.token();
            return () -> token;
        }
        if (current instanceof RenewingAccessTokens renewing && renewing.client().equals(credentials.client())) {
            return current;
        }
        TokenGrant grant = factory.tokenGrant(settings);
        if (grant == null) {
            throw new ConnectionException(Problem.InvalidCredentials, "spec.credentialsSecretRef: a "
                    + ConnectionSpecs.kind(connection.getSpec()) + " connection takes a static token only; put it "
                    + "under key " + connection.getSpec().getCredentialsSecretRef().getKey() + ".");
        }
        return new RenewingAccessTokens(grant, credentials.client(), new SecretTokenStore(client,
                connection.getMetadata().getNamespace(), connection.getSpec().getCredentialsSecretRef().getName()),
                clock, config.credentials().renewBefore());
    }

    /** Calls go to whatever tokens the connection's credentials are now. */
    private static AccessTokens delegating(AtomicReference<AccessTokens> tokens) {
        return new AccessTokens() {
            @Override
            public String current() {
                return tokens.get().current();
            }

            @Override
            public boolean renewAfterRejection(String rejected) {
                return tokens.get().renewAfterRejection(rejected);
            }
        };
    }

    /** The credentials of a connection whose provider exists: their kind and, for an OAuth client, its tokens. */
    public Optional<Credentials> credentials(String namespace, String name) {
        Entry entry = entries.get(key(namespace, name));
        if (entry == null) {
            return Optional.empty();
        }
        IssuedTokens issued = entry.tokens().get() instanceof RenewingAccessTokens renewing ? renewing.tokens() : null;
        return Optional.of(new Credentials(entry.kind().get(), issued));
    }

    /**
     * The provider of the named connection; reads the connection from the API server the first time (for example
     * right after a restart). Empty when the connection does not exist.
     */
    public Optional<Provider> provider(String namespace, String name) throws ConnectionException {
        Entry entry = entries.get(key(namespace, name));
        if (entry != null) {
            return Optional.of(entry.provider());
        }
        PartnerConnection connection = client.resources(PartnerConnection.class).inNamespace(namespace)
                .withName(name).get();
        return connection == null ? Optional.empty() : Optional.of(refresh(connection));
    }

    /** Told the namespace and name of a connection whose circuit breaker opened or closed. */
    public void onHealthChange(BiConsumer<String, String> listener) {
        this.healthChanged = listener;
    }

    /** The health of a connection's provider (its circuit breaker), once its provider exists. */
    public Optional<CircuitBreaker.Health> health(String namespace, String name) {
        return Optional.ofNullable(entries.get(key(namespace, name))).map(e -> e.settings().breaker().health());
    }

    /** The namespaces allowed to use a connection whose provider exists; null otherwise. */
    LabelSelector allowedNamespaces(String namespace, String name) {
        Entry entry = entries.get(key(namespace, name));
        return entry == null ? null : entry.allowedNamespaces().get();
    }

    /** Drops the provider of a deleted connection, and what the directories read through it. */
    public void forget(String namespace, String name) {
        entries.remove(key(namespace, name));
        metrics.forget(key(namespace, name));
        users.forget(key(namespace, name));
        licences.forget(key(namespace, name));
    }

    /** The API base URL a connection uses: its own, or its vendor's default. */
    public String endpoint(PartnerConnectionSpec spec) {
        if (spec.getEndpoint() != null) {
            return spec.getEndpoint();
        }
        return factories.of(kind(spec), null).map(ProviderFactory::defaultEndpoint).orElse(null);
    }

    /**
     * No provider is made for another account or model than the one the connection was created with (its recorded
     * {@code status.createdWith}): its Customers' recorded IDs belong to that one.
     */
    private static void refuseChangedIdentity(PartnerConnection connection) throws ConnectionException {
        Map<String, String> recorded = connection.getStatus() == null ? null
                : connection.getStatus().getCreatedWith();
        List<String> changes = CreatedWith.changes(recorded, CreatedWith.of(connection), "PartnerConnection");
        if (!changes.isEmpty()) {
            throw new ConnectionException(Problem.ImmutableFieldChanged, String.join(" ", changes));
        }
    }

    private ProviderFactory factory(PartnerConnectionSpec spec) throws ConnectionException {
        return factories.of(kind(spec), spec.getEndpoint())
                .orElseThrow(() -> new ConnectionException(Problem.ProviderNotSupported, "spec.provider: " + kind(spec)
                + " is not a provider of this operator; use one of " + factories.kinds() + "."));
    }

    private static String kind(PartnerConnectionSpec spec) {
        return ConnectionSpecs.kind(spec);
    }

    private Secret readSecret(PartnerConnection connection) throws ConnectionException {
        SecretKeyRef ref = connection.getSpec().getCredentialsSecretRef();
        String namespace = connection.getMetadata().getNamespace();
        Secret secret = client.secrets().inNamespace(namespace).withName(ref.getName()).get();
        if (secret == null) {
            throw new ConnectionException(Problem.SecretNotFound, "spec.credentialsSecretRef.name: Secret " + namespace
                    + "/" + ref.getName() + " does not exist; create it with the provider's token under key "
                    + ref.getKey() + ", or an OAuth client under clientId, clientSecret and refreshToken.");
        }
        return secret;
    }

    private static Object fingerprint(PartnerConnectionSpec spec) {
        RateLimit limit = spec.getRateLimit() == null ? new RateLimit() : spec.getRateLimit();
        return List.of(Objects.toString(spec.getProvider()), Objects.toString(spec.getEndpoint()),
                Objects.toString(spec.getWebex() == null ? null : spec.getWebex().getModel()),
                Objects.toString(spec.getPartnerCenter() == null ? null : spec.getPartnerCenter().getLoginEndpoint()),
                limit.getRequestsPerSecond(), limit.getBurst(), spec.getCredentialsSecretRef().getName());
    }
}
