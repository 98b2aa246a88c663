package dev.partnerhub.operator.connection;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.PartnerConnection;
import dev.partnerhub.api.v1alpha1.PartnerConnectionStatus;
import dev.partnerhub.operator.status.Conditions;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.HttpURLConnection;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Keeps a connection's credentials Secret from disappearing while the connection may still need it: each connection
 * puts its own finalizer on the Secret ({@code partnerhub.dev/credentials-of.NAME}), and takes it off when it is
 * released, so that several connections can share one Secret and the last one out lets it go. Without this, deleting
 * a namespace deletes the Secret at once and the Customers' finalizers could never reach the provider.
 */
@ApplicationScoped
public class CredentialsHold {

    static final String PREFIX = "partnerhub.dev/credentials-of.";
    /** Marks the Secrets the operator holds, so that it watches those and no other Secret of the cluster. */
    public static final String LABEL = "partnerhub.dev/credentials";
    private static final int MAX_NAME_PART = 63;
    private static final int CONFLICT_ATTEMPTS = 5;
    private static final Logger LOG = Logger.getLogger(CredentialsHold.class);
    private static final int LISTED = 5;

    private final KubernetesClient client;

    public CredentialsHold(KubernetesClient client) {
        this.client = client;
    }

    /** The finalizer by which this connection holds its Secret. */
    static String finalizer(PartnerConnection connection) {
        String name = connection.getMetadata().getName();
        String part = PREFIX.substring(PREFIX.indexOf('/') + 1) + name;
        if (part.length() <= MAX_NAME_PART) {
            return PREFIX + name;
        }
        // A finalizer's name part has at most 63 characters: a long connection name is shortened with a digest.
        String digest = sha256(name).substring(0, 10);
        return PREFIX + name.substring(0, MAX_NAME_PART - (PREFIX.length() - PREFIX.indexOf('/') - 1) - 11) + "-"
                + digest;
    }

    /**
     * Holds the Secret of {@code spec.credentialsSecretRef} (and lets go of one named before). A Secret being deleted
     * is let go only when no Customer uses the connection.
     */
    void keep(PartnerConnection connection, PartnerConnectionStatus status, List<Customer> customers,
            Optional<Secret> cached, Conditions conditions) {
        String namespace = connection.getMetadata().getNamespace();
        String secret = connection.getSpec().getCredentialsSecretRef().getName();
        if (status.getCredentialsHeld() != null && !status.getCredentialsHeld().equals(secret)) {
            release(connection, status.getCredentialsHeld());
        }
        boolean deleting = cached.map(s -> s.getMetadata().getDeletionTimestamp() != null)
                .orElseGet(() -> deleting(namespace, secret));
        if (deleting && customers.isEmpty()) {
            release(connection, secret);
            status.setCredentialsHeld(null);
            return;
        }
        boolean held = cached.filter(s -> holds(s, connection)).isPresent()
                || hold(connection, secret);
        status.setCredentialsHeld(held ? secret : null);
        if (deleting) {
            String message = "Secret " + namespace + "/" + secret + " is being deleted, but " + customers.size()
                    + " Customers use this connection (" + names(customers) + "): it is kept until none does. To "
                    + "rotate the token, edit the Secret instead; to let it go, delete those Customers (with "
                    + "deletionPolicy Orphan they stay in the provider) or point this connection at another Secret.";
            conditions.stalled(ConnectionReason.CredentialsInUse, message);
        }
    }

    /** The first few of these Customers by namespace/name, for a message. */
    static String names(List<Customer> customers) {
        return String.join(", ", customers.stream().limit(LISTED)
                .map(c -> c.getMetadata().getNamespace() + "/" + c.getMetadata().getName()).toList())
                + (customers.size() > LISTED ? ", ..." : "");
    }

    /** Puts this connection's finalizer on the Secret; true when the Secret exists (held now or already). */
    public boolean hold(PartnerConnection connection, String secretName) {
        String namespace = connection.getMetadata().getNamespace();
        Secret secret = client.secrets().inNamespace(namespace).withName(secretName).get();
        if (secret == null) {
            return false;
        }
        String finalizer = finalizer(connection);
        if (secret.getMetadata().getDeletionTimestamp() != null || has(secret, finalizer) && labelled(secret)) {
            // No finalizer can be added to an object being deleted; one already there is all we need.
            return true;
        }
        editOnLatest(namespace, secretName, s -> {
            List<String> finalizers = new ArrayList<>(s.getMetadata().getFinalizers());
            if (!finalizers.contains(finalizer)) {
                finalizers.add(finalizer);
            }
            s.getMetadata().setFinalizers(finalizers);
            Map<String, String> labels = new HashMap<>(s.getMetadata().getLabels() == null ? Map.of()
                    : s.getMetadata().getLabels());
            labels.put(LABEL, "true");
            s.getMetadata().setLabels(labels);
        });
        LOG.infof("PartnerConnection %s/%s holds its credentials Secret %s", namespace,
                connection.getMetadata().getName(), secretName);
        return true;
    }

    /** Takes this connection's finalizer off the Secret; a Secret already gone, or not held, is released. */
    public void release(PartnerConnection connection, String secretName) {
        String namespace = connection.getMetadata().getNamespace();
        Secret secret = client.secrets().inNamespace(namespace).withName(secretName).get();
        String finalizer = finalizer(connection);
        if (secret == null || !has(secret, finalizer)) {
            return;
        }
        editOnLatest(namespace, secretName, s -> {
            List<String> finalizers = new ArrayList<>(s.getMetadata().getFinalizers());
            finalizers.remove(finalizer);
            s.getMetadata().setFinalizers(finalizers);
        });
        LOG.infof("PartnerConnection %s/%s released its credentials Secret %s", namespace,
                connection.getMetadata().getName(), secretName);
    }

    /**
     * Changes the Secret with optimistic locking; on a conflict (another connection sharing it, or a person, wrote
     * in between) reads it again and makes the same change, as Kubernetes clients do.
     */
    private void editOnLatest(String namespace, String name, Consumer<Secret> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                client.secrets().inNamespace(namespace).withName(name).edit(s -> {
                    change.accept(s);
                    return s;
                });
                return;
            } catch (KubernetesClientException e) {
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt == CONFLICT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** Whether the Secret is being deleted. */
    public boolean deleting(String namespace, String secretName) {
        Secret secret = client.secrets().inNamespace(namespace).withName(secretName).get();
        return secret != null && secret.getMetadata().getDeletionTimestamp() != null;
    }

    /** Whether the Secret carries this connection's finalizer and the label the operator watches. */
    static boolean holds(Secret secret, PartnerConnection connection) {
        return has(secret, finalizer(connection)) && labelled(secret);
    }

    private static boolean labelled(Secret secret) {
        return secret.getMetadata().getLabels() != null && "true".equals(secret.getMetadata().getLabels().get(LABEL));
    }

    private static boolean has(Secret secret, String finalizer) {
        return secret.getMetadata().getFinalizers() != null && secret.getMetadata().getFinalizers().contains(finalizer);
    }

    private static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
