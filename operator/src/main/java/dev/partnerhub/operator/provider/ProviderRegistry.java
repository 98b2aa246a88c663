package dev.partnerhub.operator.provider;

import dev.partnerhub.api.v1alpha1.PartnerConnection;
import dev.partnerhub.api.v1alpha1.PartnerConnectionSpec;
import dev.partnerhub.api.v1alpha1.RateLimit;
import dev.partnerhub.api.v1alpha1.SecretKeyRef;
import dev.partnerhub.desired.ConnectionSpecs;
import dev.partnerhub.operator.shard.Shard;
import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.providers.spi.ProviderFactory;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One provider per PartnerConnection, made by the factory of its {@code spec.provider} and shared by every
 * reconciler, so that the connection's rate limiter is shared too. It is made again when the connection's spec
 * changes; the token is re-read from the Secret whenever the connection is reconciled (and the Secret is watched),
 * so a rotated Secret takes effect without a restart. A replica that shares the connection with other shards takes
 * its part of the rate limit.
 */
@ApplicationScoped
public class ProviderRegistry {

    private record Entry(Object fingerprint, Provider provider, AtomicReference<String> token,
            AtomicReference<LabelSelector> allowedNamespaces) {
    }

    private final KubernetesClient client;
    private final ProviderFactories factories;
    private final Shard shard;
    private final UserDirectory users;
    private final LicenseDirectory licences;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public ProviderRegistry(KubernetesClient client, ProviderFactories factories, Shard shard, UserDirectory users,
            LicenseDirectory licences) {
        this.client = client;
        this.shard = shard;
        this.factories = factories;
        this.users = users;
        this.licences = licences;
    }

    public static String key(String namespace, String name) {
        return namespace + "/" + name;
    }

    /** Makes or refreshes the connection's provider, reading its token from the Secret. */
    public Provider refresh(PartnerConnection connection) throws ConnectionException {
        String key = key(connection.getMetadata().getNamespace(), connection.getMetadata().getName());
        String token;
        ProviderFactory factory;
        try {
            factory = factory(connection.getSpec());
            token = readToken(connection);
        } catch (ConnectionException e) {
            // Credentials taken away are not used from memory any longer.
            entries.remove(key);
            throw e;
        }
        Object fingerprint = fingerprint(connection.getSpec());
        Entry existing = entries.get(key);
        if (existing != null && existing.fingerprint().equals(fingerprint)) {
            existing.token().set(token);
            existing.allowedNamespaces().set(connection.getSpec().getAllowedNamespaces());
            return existing.provider();
        }
        AtomicReference<String> ref = new AtomicReference<>(token);
        Provider provider;
        try {
            provider = factory.create(ConnectionSpecs.settings(connection.getSpec(), ref::get, shard.share()));
        } catch (IllegalArgumentException e) {
            entries.remove(key);
            throw new ConnectionException("InvalidSpec", e.getMessage());
        }
        entries.put(key, new Entry(fingerprint, provider, ref,
                new AtomicReference<>(connection.getSpec().getAllowedNamespaces())));
        return provider;
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

    /** The namespaces allowed to use a connection whose provider exists; null otherwise. */
    LabelSelector allowedNamespaces(String namespace, String name) {
        Entry entry = entries.get(key(namespace, name));
        return entry == null ? null : entry.allowedNamespaces().get();
    }

    /** Drops the provider of a deleted connection, and what the directories read through it. */
    public void forget(String namespace, String name) {
        entries.remove(key(namespace, name));
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

    private ProviderFactory factory(PartnerConnectionSpec spec) throws ConnectionException {
        return factories.of(kind(spec), spec.getEndpoint()).orElseThrow(() -> new ConnectionException(
                "ProviderNotSupported", "spec.provider: " + kind(spec) + " is not a provider of this operator; use "
                        + "one of " + factories.kinds() + "."));
    }

    private static String kind(PartnerConnectionSpec spec) {
        return ConnectionSpecs.kind(spec);
    }

    private String readToken(PartnerConnection connection) throws ConnectionException {
        SecretKeyRef ref = connection.getSpec().getCredentialsSecretRef();
        String namespace = connection.getMetadata().getNamespace();
        Secret secret = client.secrets().inNamespace(namespace).withName(ref.getName()).get();
        if (secret == null) {
            throw new ConnectionException("SecretNotFound", "spec.credentialsSecretRef.name: Secret " + namespace
                    + "/" + ref.getName() + " does not exist; create it with the provider's token under key "
                    + ref.getKey() + ".");
        }
        String token = ConnectionSpecs.secretValue(secret, ref.getKey());
        if (token == null) {
            throw new ConnectionException("SecretKeyMissing", "spec.credentialsSecretRef.key: Secret " + namespace
                    + "/" + ref.getName() + " has no non-empty key " + ref.getKey() + ".");
        }
        return token;
    }

    private static Object fingerprint(PartnerConnectionSpec spec) {
        RateLimit limit = spec.getRateLimit() == null ? new RateLimit() : spec.getRateLimit();
        return List.of(Objects.toString(spec.getProvider()), Objects.toString(spec.getEndpoint()),
                Objects.toString(spec.getWebex() == null ? null : spec.getWebex().getModel()),
                limit.getRequestsPerSecond(), limit.getBurst());
    }
}
