package dev.partnerhub.operator.shard;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.operator.OperatorConfig;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;

/**
 * This replica's share of the work ({@code partnerhub.shard.*}), as Flux shards its controllers: a label selector
 * on Customers, CustomerUsers and LicenseAssignments (their controllers and every informer of those kinds), and a
 * part of each connection's rate limit and deletion budget, so that the replicas together stay within them.
 * PartnerConnections are read by every replica and written by one.
 */
@ApplicationScoped
public class Shard {

    /** The label that places a Customer, and its users and licences, in a shard. */
    public static final String LABEL = "partnerhub.dev/shard";

    private final OperatorConfig.Shard config;
    private final KubernetesClient client;

    public Shard(OperatorConfig config, KubernetesClient client) {
        this.config = config.shard();
        this.client = client;
        if (this.config.count() < 1) {
            throw new IllegalArgumentException("partnerhub.shard.count must be 1 or more (the number of replicas that "
                    + "share each connection), not " + this.config.count());
        }
    }

    /** The selector of this replica's objects; empty when it takes every object. */
    public Optional<String> selector() {
        return config.selector().map(String::trim).filter(s -> !s.isEmpty());
    }

    /** Restricts a controller of Customers, CustomerUsers or LicenseAssignments to this replica's share. */
    public <R extends HasMetadata> void restrict(ControllerConfigurationOverrider<R> controller) {
        selector().ifPresent(controller::withLabelSelector);
    }

    /** Restricts an informer of Customers, CustomerUsers or LicenseAssignments to this replica's share. */
    public <R extends HasMetadata> InformerEventSourceConfiguration.Builder<R> restrict(
            InformerEventSourceConfiguration.Builder<R> informer) {
        selector().ifPresent(informer::withLabelSelector);
        return informer;
    }

    /** The part of each connection's budgets (requests per second, deletions per hour) that this replica uses. */
    public double share() {
        return 1.0 / config.count();
    }

    /** This replica's part of a whole allowance; never more than its share, so the parts add up to at most the whole. */
    public int partOf(int whole) {
        return whole / config.count();
    }

    /** Whether this replica probes PartnerConnections and writes their status. */
    public boolean writesConnections() {
        return config.connections();
    }

    /**
     * Why a Customer missing from this replica's informers may exist all the same: it is in another shard (read
     * from the API server, only on this error path). Empty when there is no selector or no such Customer.
     */
    public Optional<String> customerElsewhere(String namespace, String name) {
        if (selector().isEmpty()) {
            return Optional.empty();
        }
        Customer customer = client.resources(Customer.class).inNamespace(namespace).withName(name).get();
        if (customer == null) {
            return Optional.empty();
        }
        Map<String, String> labels = customer.getMetadata().getLabels();
        String label = labels == null ? null : labels.get(LABEL);
        return Optional.of("Customer " + namespace + "/" + name + " exists in another shard of the operator ("
                + (label == null ? "no " + LABEL + " label" : LABEL + "=" + label) + "), which this object's labels do "
                + "not follow: this replica takes " + selector().get() + ". Give it the " + LABEL
                + " label of its Customer" + (label == null ? " (none)." : ": " + LABEL + "=" + label + "."));
    }
}
