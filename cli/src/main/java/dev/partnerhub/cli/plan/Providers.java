package dev.partnerhub.cli.plan;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.PartnerConnection;
import dev.partnerhub.api.v1alpha1.SecretKeyRef;
import dev.partnerhub.desired.ConnectionSpecs;
import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.providers.spi.ProviderFactory;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The provider of a Customer's PartnerConnection, made as the operator makes it (the vendor's factory, found by
 * {@code spec.provider}): the connection and its token Secret from the manifests when they are there, else from the
 * cluster.
 */
final class Providers {

    private static final List<ProviderFactory> FACTORIES = ServiceLoader.load(ProviderFactory.class).stream()
            .map(ServiceLoader.Provider::get).sorted(Comparator.comparingInt(ProviderFactory::priority).reversed())
            .toList();

    private final Manifests manifests;
    private final KubernetesClient cluster;
    private final Map<String, Provider> made = new HashMap<>();

    /** @param cluster null when there is no cluster to read */
    Providers(Manifests manifests, KubernetesClient cluster) {
        this.manifests = manifests;
        this.cluster = cluster;
    }

    Provider of(Customer customer) {
        String namespace = customer.getSpec().getConnectionRef().getNamespace() == null
                ? customer.getMetadata().getNamespace() : customer.getSpec().getConnectionRef().getNamespace();
        String name = customer.getSpec().getConnectionRef().getName();
        return made.computeIfAbsent(namespace + "/" + name, k -> make(namespace, name));
    }

    private Provider make(String namespace, String name) {
        PartnerConnection connection = Manifests.find(manifests.connections, namespace, name)
                .or(() -> cluster == null ? java.util.Optional.empty() : java.util.Optional.ofNullable(cluster
                        .resources(PartnerConnection.class).inNamespace(namespace).withName(name).get()))
                .orElseThrow(() -> new IllegalStateException("PartnerConnection " + namespace + "/" + name
                        + " is neither among the manifests nor in the cluster" + (cluster == null ? " (no cluster "
                                + "was reachable)" : "")));
        String token = token(connection);
        String kind = ConnectionSpecs.kind(connection.getSpec());
        ProviderFactory factory = FACTORIES.stream().filter(f -> f.accepts(kind, connection.getSpec().getEndpoint()))
                .findFirst().orElseThrow(() -> new IllegalStateException("PartnerConnection " + namespace + "/"
                        + name + ": spec.provider " + kind + " is not a provider hubctl knows"));
        return factory.create(ConnectionSpecs.settings(connection.getSpec(), () -> token));
    }

    private String token(PartnerConnection connection) {
        SecretKeyRef ref = connection.getSpec().getCredentialsSecretRef();
        String namespace = connection.getMetadata().getNamespace();
        Secret secret = Manifests.find(manifests.secrets, namespace, ref.getName())
                .orElseGet(() -> cluster == null ? null
                        : cluster.secrets().inNamespace(namespace).withName(ref.getName()).get());
        if (secret == null) {
            throw new IllegalStateException("Secret " + namespace + "/" + ref.getName() + " (the token of "
                    + "PartnerConnection " + namespace + "/" + connection.getMetadata().getName() + ") is neither "
                    + "among the manifests nor in the cluster");
        }
        if (ConnectionSpecs.secretValue(secret, "refreshToken") != null) {
            // An OAuth client: plan reads with the access token the operator renewed and kept, and renews nothing
            // itself (a renewal rotates the refresh token, which is the operator's to write back).
            String access = ConnectionSpecs.secretValue(secret, "accessToken");
            String until = ConnectionSpecs.secretValue(secret, "accessTokenExpiresAt");
            if (access == null || until == null || !java.time.Instant.parse(until).isAfter(java.time.Instant.now())) {
                throw new IllegalStateException("Secret " + namespace + "/" + ref.getName() + " holds an OAuth client "
                        + "whose access token the operator has not renewed yet (or it expired): let the operator "
                        + "reconcile PartnerConnection " + namespace + "/" + connection.getMetadata().getName()
                        + " first");
            }
            return access;
        }
        String token = ConnectionSpecs.secretValue(secret, ref.getKey());
        if (token == null) {
            throw new IllegalStateException("Secret " + namespace + "/" + ref.getName() + " has no key "
                    + ref.getKey());
        }
        return token;
    }
}
