package dev.partnerhub.operator.tenancy;

import dev.partnerhub.api.v1alpha1.PartnerConnection;
import dev.partnerhub.desired.LabelSelectors;
import io.fabric8.kubernetes.api.model.LabelSelector;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Optional;

/**
 * The cluster's namespaces from one informer: their labels (a PartnerConnection's {@code allowedNamespaces} selects
 * by them) and whether they are being deleted. In a namespace being deleted everything goes together, so the
 * reconcilers there only run finalizers and change nothing in the provider.
 */
@ApplicationScoped
public class Namespaces {

    private final KubernetesClient client;
    private volatile SharedIndexInformer<Namespace> informer;

    public Namespaces(KubernetesClient client) {
        this.client = client;
    }

    void start(@Observes StartupEvent event) {
        informer = client.namespaces().inform();
    }

    void stop(@Observes ShutdownEvent event) {
        if (informer != null) {
            informer.close();
        }
    }

    /** The namespace as the informer has it; empty until the informer has seen it (just created, or none). */
    public Optional<Namespace> get(String name) {
        SharedIndexInformer<Namespace> current = informer;
        return Optional.ofNullable(current == null ? null : current.getStore().getByKey(name));
    }

    /** Whether the informer has seen the namespace; one just created may arrive a moment after its objects. */
    public boolean known(String name) {
        return get(name).isPresent();
    }

    public Map<String, String> labels(String name) {
        return get(name).map(ns -> ns.getMetadata().getLabels()).orElse(Map.of());
    }

    /**
     * Whether Customers of this namespace may use the connection: always in the connection's own namespace,
     * elsewhere when the connection's {@code spec.allowedNamespaces} selects the namespace's labels.
     */
    public boolean mayUse(String customerNamespace, PartnerConnection connection) {
        return customerNamespace.equals(connection.getMetadata().getNamespace())
                || selects(connection.getSpec().getAllowedNamespaces(), labels(customerNamespace));
    }

    /**
     * Whether a connection's {@code spec.allowedNamespaces} lets another namespace, with these labels, use it. Absent
     * or empty ({@code {}}), it lets none: a connection's credentials reach another namespace only where the selector
     * names it (DESIGN: "empty: its own namespace only"), although an empty Kubernetes selector elsewhere selects
     * everything. Every namespace carries {@code kubernetes.io/metadata.name}: selecting it with Exists allows all.
     */
    public static boolean selects(LabelSelector allowed, Map<String, String> labels) {
        boolean empty = allowed == null || (allowed.getMatchLabels() == null || allowed.getMatchLabels().isEmpty())
                && (allowed.getMatchExpressions() == null || allowed.getMatchExpressions().isEmpty());
        return !empty && LabelSelectors.matches(allowed, labels);
    }

    /** Whether the namespace is being deleted (an unknown namespace is not). */
    public boolean terminating(String name) {
        return get(name).map(ns -> ns.getMetadata().getDeletionTimestamp() != null
                || ns.getStatus() != null && "Terminating".equals(ns.getStatus().getPhase())).orElse(false);
    }
}
