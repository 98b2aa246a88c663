package dev.partnerhub.cli.bench;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Every provider ID the operator records (a Customer's customerId, a user's userId), watched from the first: an ID,
 * once recorded, that is later cleared or replaced by another is an ID lost, the fault the soak exists to catch.
 */
final class RecordedIds implements AutoCloseable {

    private final Map<String, String> first = new ConcurrentHashMap<>();
    private final Set<String> lost = ConcurrentHashMap.newKeySet();
    private final List<SharedIndexInformer<?>> informers;

    RecordedIds(KubernetesClient client) {
        informers = List.of(client.resources(Customer.class).inNamespace(BenchObjects.NAMESPACE).inform(handler(
                c -> c.getStatus() == null ? null : c.getStatus().getCustomerId())),
                client.resources(CustomerUser.class).inNamespace(BenchObjects.NAMESPACE).inform(handler(
                        u -> u.getStatus() == null ? null : u.getStatus().getUserId())));
    }

    private <T extends HasMetadata> ResourceEventHandler<T> handler(Function<T, String> id) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T resource) {
                seen(resource, id.apply(resource));
            }

            @Override
            public void onUpdate(T before, T resource) {
                seen(resource, id.apply(resource));
            }

            @Override
            public void onDelete(T resource, boolean finalStateUnknown) {
                // Nothing is deleted during a soak.
            }
        };
    }

    private void seen(HasMetadata resource, String id) {
        String key = resource.getKind() + "/" + resource.getMetadata().getName();
        String recorded = first.get(key);
        if (recorded == null) {
            if (id != null) {
                first.put(key, id);
            }
        } else if (!recorded.equals(id)) {
            lost.add(key + " (" + recorded + " became " + id + ")");
        }
    }

    /** The IDs lost so far, each with what it became. */
    Set<String> lost() {
        return Set.copyOf(lost);
    }

    @Override
    public void close() {
        informers.forEach(SharedIndexInformer::close);
    }
}
