package dev.partnerhub.operator.cache;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.informers.cache.BasicItemStore;
import io.fabric8.kubernetes.client.informers.cache.Cache;
import io.javaoperatorsdk.operator.api.config.ControllerConfigurationOverrider;
import io.javaoperatorsdk.operator.api.config.informer.InformerEventSourceConfiguration;

/**
 * An informer cache that keeps objects without {@code metadata.managedFields} and shares one copy of each version
 * among all the informers of the operator that cache it ({@link SharedCopies}). A real API server sends managed
 * fields with every object, the operator never reads them (it writes with merge and JSON patches, not server-side
 * apply), and at 10,000 users they were a third of the live heap (340 MB on kube-apiserver against 186 MB on the mock
 * API, which sends none). Each CustomerUser is cached by three informers; at 100,000 users their three copies were
 * most of the rest.
 */
public final class LeanStore<R extends HasMetadata> extends BasicItemStore<R> {

    /** One pool for the process: a UID and resourceVersion name the same content wherever they come from. */
    private static final SharedCopies COPIES = new SharedCopies();

    public LeanStore() {
        super(Cache::metaNamespaceKeyFunc);
    }

    @Override
    public R put(String key, R obj) {
        if (obj.getMetadata() != null) {
            obj.getMetadata().setManagedFields(null);
        }
        return super.put(key, COPIES.share(obj));
    }

    /** A controller's own informer, lean. */
    public static <R extends HasMetadata> void lean(ControllerConfigurationOverrider<R> controller) {
        controller.withItemStore(new LeanStore<>());
    }

    /** A secondary informer, lean. */
    public static <R extends HasMetadata> InformerEventSourceConfiguration.Builder<R> lean(
            InformerEventSourceConfiguration.Builder<R> informer) {
        return informer.withItemStore(new LeanStore<>());
    }
}
