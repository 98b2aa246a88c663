package dev.partnerhub.operator.ownership;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.api.reconciler.IndexedResourceCache;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Keys no two resources may share (a customer's externalId on one connection, a user's email in one customer):
 * the first resource to declare a key keeps it, found through an informer index, never a list call.
 */
public final class UniqueKeys {

    private UniqueKeys() {
    }

    /**
     * The resource that came before this one with the same key, if any: the oldest other resource under this index
     * value that counts (for example, one its connection allows).
     */
    public static <R extends HasMetadata> Optional<R> firstOther(R resource, IndexedResourceCache<R> cache,
            String index, String key, Predicate<R> counts) {
        return cache.byIndex(index, key).stream()
                .filter(other -> !other.getMetadata().getUid().equals(resource.getMetadata().getUid()))
                .filter(other -> age(other).compareTo(age(resource)) < 0)
                .filter(counts)
                .min(Comparator.comparing(UniqueKeys::age));
    }

    /** Creation time, then namespace/name: both sides agree on who came first. */
    private static String age(HasMetadata resource) {
        String created = resource.getMetadata().getCreationTimestamp() == null ? ""
                : resource.getMetadata().getCreationTimestamp();
        return created + "|" + resource.getMetadata().getNamespace() + "/" + resource.getMetadata().getName();
    }
}
