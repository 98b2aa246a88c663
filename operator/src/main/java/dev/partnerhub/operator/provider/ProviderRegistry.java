package dev.partnerhub.operator.provider;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.PartnerConnection;
import dev.partnerhub.api.v1alpha1.PartnerConnectionSpec;
import dev.partnerhub.api.v1alpha1.ProviderKind;
import dev.partnerhub.api.v1alpha1.RateLimit;
import dev.partnerhub.api.v1alpha1.SecretKeyRef;
import dev.partnerhub.api.v1alpha1.WebexModel;
import dev.partnerhub.operator.ownership.CreatedWith;
import dev.partnerhub.operator.tenancy.LabelSelectors;
import dev.partnerhub.operator.tenancy.Namespaces;
import dev.partnerhub.providers.spi.LicensingProvider;
import dev.partnerhub.providers.spi.ProvisioningProvider;
import dev.partnerhub.providers.spi.RateLimiter;
import dev.partnerhub.providers.webex.WebexHttp;
import dev.partnerhub.providers.webex.WebexProviders;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One provider client per PartnerConnection, shared by every reconciler, so that the connection's rate
 * limiter is shared too. The client is rebuilt when the connection's spec changes; the token is re-read from
 * the Secret whenever the connection is reconciled, so a rotated Secret takes effect without a restart.
 */
@ApplicationScoped
public class ProviderRegistry {

    private record Entry(Object fingerprint, ProvisioningProvider provider, LicensingProvider licensing,
            AtomicReference<String> token, AtomicReference<LabelSelector> allowedNamespaces) {
    }

    private final KubernetesClient client;
    private final Namespaces namespaces;
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    public ProviderRegistry(KubernetesClient client, Namespaces namespaces) {
        this.client = client;
        this.namespaces = namespaces;
    }

    public static String key(String namespace, String name) {
        return namespace + "/" + name;
    }

    /** Builds or refreshes the connection's client, reading its token from the Secret. */
    public ProvisioningProvider refresh(PartnerConnection connection) throws CredentialsException {
        String key = key(connection.getMetadata().getNamespace(), connection.getMetadata().getName());
        String token;
        try {
            token = readToken(connection);
        } catch (CredentialsException e) {
            // Credentials taken away are not used from memory any longer.
            entries.remove(key);
            throw e;
        }
        Object fingerprint = fingerprint(connection.getSpec());
        Entry entry = entries.compute(key, (k, existing) -> {
            if (existing != null && existing.fingerprint().equals(fingerprint)) {
                existing.token().set(token);
                existing.allowedNamespaces().set(connection.getSpec().getAllowedNamespaces());
                return existing;
            }
            AtomicReference<String> ref = new AtomicReference<>(token);
            WebexHttp http = http(connection.getSpec(), ref);
            boolean broadworks = connection.getSpec().getWebex() != null
                    && connection.getSpec().getWebex().getModel() == WebexModel.BROADWORKS;
            return new Entry(fingerprint, WebexProviders.provisioning(broadworks, http), WebexProviders.licensing(http),
                    ref, new AtomicReference<>(connection.getSpec().getAllowedNamespaces()));
        });
        return entry.provider();
    }

    /** The client of a connection, building it on first use (for example right after a restart). */
    public ProvisioningProvider provider(PartnerConnection connection) throws CredentialsException {
        Entry entry = entries.get(key(connection.getMetadata().getNamespace(), connection.getMetadata().getName()));
        if (entry != null && entry.fingerprint().equals(fingerprint(connection.getSpec()))) {
            return entry.provider();
        }
        return refresh(connection);
    }

    /**
     * The client of the named connection; reads the connection from the API server the first time (for
     * example right after a restart). Empty when the connection does not exist.
     */
    public Optional<ProvisioningProvider> provider(String namespace, String name) throws CredentialsException {
        Entry entry = entries.get(key(namespace, name));
        if (entry != null) {
            return Optional.of(entry.provider());
        }
        PartnerConnection connection = client.resources(PartnerConnection.class).inNamespace(namespace)
                .withName(name).get();
        return connection == null ? Optional.empty() : Optional.of(refresh(connection));
    }

    /**
     * The one answer to "may this Customer act, and with which clients?": ready with its connection's clients when
     * the connection exists, allows the Customer's namespace and can read its token; otherwise blocked, with the
     * reason and what is wrong. Every provider call made for a Customer or its users, finalizers included, goes
     * through it. Never throws for those cases; callers report them in status.
     */
    public Resolved resolve(Customer customer) {
        ResourceID id = CreatedWith.connectionId(customer);
        String namespace = id.getNamespace().orElseThrow();
        String key = key(namespace, id.getName());
        try {
            Optional<ProvisioningProvider> provider = provider(namespace, id.getName());
            if (provider.isEmpty()) {
                return Resolved.blocked("ConnectionNotFound", "its PartnerConnection " + key + " is gone");
            }
            Entry entry = entries.get(key);
            String customerNamespace = customer.getMetadata().getNamespace();
            if (!customerNamespace.equals(namespace) && !LabelSelectors.matches(entry.allowedNamespaces().get(),
                    namespaces.labels(customerNamespace))) {
                return Resolved.blocked("ConnectionNotAllowed", "its PartnerConnection " + key + " does not allow "
                        + "namespace " + customerNamespace + " (spec.allowedNamespaces)");
            }
            return Resolved.ready(key, provider.get(), entry.licensing());
        } catch (CredentialsException e) {
            return Resolved.blocked("CredentialsMissing", "its PartnerConnection " + key + " cannot read its token: "
                    + e.getMessage());
        }
    }

    /** Drops the client of a deleted connection. */
    public void forget(String namespace, String name) {
        entries.remove(key(namespace, name));
    }

    /** Same as {@link #provider(String, String)}, for the connection's licences, people and roles. */
    public Optional<LicensingProvider> licensing(String namespace, String name) throws CredentialsException {
        if (provider(namespace, name).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(entries.get(key(namespace, name)).licensing());
    }

    private String readToken(PartnerConnection connection) throws CredentialsException {
        SecretKeyRef ref = connection.getSpec().getCredentialsSecretRef();
        String namespace = connection.getMetadata().getNamespace();
        Secret secret = client.secrets().inNamespace(namespace).withName(ref.getName()).get();
        if (secret == null) {
            throw new CredentialsException("SecretNotFound", "spec.credentialsSecretRef.name: Secret " + namespace
                    + "/" + ref.getName() + " does not exist; create it with the provider's token under key "
                    + ref.getKey() + ".");
        }
        String encoded = secret.getData() == null ? null : secret.getData().get(ref.getKey());
        String plain = secret.getStringData() == null ? null : secret.getStringData().get(ref.getKey());
        String token = encoded != null ? new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8).trim()
                : plain == null ? null : plain.trim();
        if (token == null || token.isEmpty()) {
            throw new CredentialsException("SecretKeyMissing", "spec.credentialsSecretRef.key: Secret " + namespace
                    + "/" + ref.getName() + " has no non-empty key " + ref.getKey() + ".");
        }
        return token;
    }

    private static Object fingerprint(PartnerConnectionSpec spec) {
        RateLimit limit = spec.getRateLimit() == null ? new RateLimit() : spec.getRateLimit();
        WebexModel model = spec.getWebex() == null ? WebexModel.WHOLESALE : spec.getWebex().getModel();
        return java.util.List.of(Objects.toString(spec.getProvider()), Objects.toString(spec.getEndpoint()),
                Objects.toString(model), limit.getRequestsPerSecond(), limit.getBurst());
    }

    private static WebexHttp http(PartnerConnectionSpec spec, AtomicReference<String> token) {
        if (spec.getProvider() != ProviderKind.WEBEX) {
            throw new IllegalArgumentException("only the webex provider is implemented");
        }
        RateLimit limit = spec.getRateLimit() == null ? new RateLimit() : spec.getRateLimit();
        return WebexProviders.http(spec.getEndpoint(), token::get,
                new RateLimiter(limit.getRequestsPerSecond(), limit.getBurst()), WebexHttp.RetryPolicy.defaults());
    }
}
