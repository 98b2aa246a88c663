package dev.partnerhub.operator.cache;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.EventSourceContext;
import io.javaoperatorsdk.operator.processing.event.ResourceID;
import io.javaoperatorsdk.operator.processing.event.source.IndexerResourceCache;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A controller's resources indexed by the Customer they belong to (its namespace and name), and the event mappers
 * built on that index: a Customer, or a sibling resource of the same customer, changed, so every resource of that
 * customer looks again. Used by the controllers of CustomerUsers and of LicenseAssignments.
 *
 * @param <P> the controller's resource
 */
public final class ByCustomer<P extends HasMetadata> {

    private static final String INDEX = "byCustomer";

    private final IndexerResourceCache<P> cache;
    private final Function<P, String> customerOf;

    private ByCustomer(IndexerResourceCache<P> cache, Function<P, String> customerOf) {
        this.cache = cache;
        this.customerOf = customerOf;
    }

    /** Adds the index to the controller's cache; {@code customerOf} names the Customer of a resource. */
    public static <P extends HasMetadata> ByCustomer<P> index(EventSourceContext<P> context,
            Function<P, String> customerOf) {
        ByCustomer<P> index = new ByCustomer<>(context.getPrimaryCache(), customerOf);
        context.getPrimaryCache().addIndexer(INDEX, p -> List.of(key(p.getMetadata().getNamespace(),
                customerOf.apply(p))));
        return index;
    }

    /**
     * The controller's resources of the Customer {@code customer} in {@code namespace}, as the events a change of
     * that Customer (or of one of its resources) sends.
     */
    public Set<ResourceID> resourcesOf(String namespace, String customer) {
        return cache.byIndex(INDEX, key(namespace, customer)).stream().map(ResourceID::fromResource)
                .collect(Collectors.toSet());
    }

    /** Maps a changed Customer to its resources. */
    public Set<ResourceID> resourcesOfCustomer(HasMetadata customer) {
        return resourcesOf(customer.getMetadata().getNamespace(), customer.getMetadata().getName());
    }

    /** The Customer of a resource, as the secondary resource the controller reads. */
    public Set<ResourceID> customerOf(P resource) {
        return Set.of(new ResourceID(customerOf.apply(resource), resource.getMetadata().getNamespace()));
    }

    private static String key(String namespace, String customer) {
        return namespace + "/" + customer;
    }
}
