package dev.partnerhub.operator.cache;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One object in memory for each version of a resource, however many informers cache it. Three controllers watch
 * the CustomerUsers (their own, the Customer's tally, the LicenseAssignment's selection), and each informer
 * deserializes its own copy of every event: at 100,000 users the three copies were most of a 1.8 GB live heap.
 *
 * <p>A version is known by its UID and resourceVersion, which name the same content on any API server (UIDs are
 * unique across servers and re-creations); an object without either is kept as it came. The pool holds its objects
 * weakly: a version no informer keeps any more is collected, and its entry is dropped on a later call.
 */
final class SharedCopies {

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final ReferenceQueue<HasMetadata> collected = new ReferenceQueue<>();

    /** The object to keep for this one: an equal version already kept by another informer, or this one. */
    @SuppressWarnings("unchecked")
    <R extends HasMetadata> R share(R fresh) {
        dropCollected();
        String uid = fresh.getMetadata() == null ? null : fresh.getMetadata().getUid();
        String version = uid == null ? null : fresh.getMetadata().getResourceVersion();
        if (version == null) {
            return fresh;
        }
        Entry entry = entries.compute(uid, (key, known) -> {
            HasMetadata kept = known == null ? null : known.get();
            return kept != null && Objects.equals(kept.getClass(), fresh.getClass())
                    && version.equals(kept.getMetadata().getResourceVersion())
                    ? known : new Entry(key, fresh, collected);
        });
        R kept = (R) entry.get();
        return kept == null ? fresh : kept;
    }

    private void dropCollected() {
        for (var ref = collected.poll(); ref != null; ref = collected.poll()) {
            Entry gone = (Entry) ref;
            entries.remove(gone.uid, gone);
        }
    }

    private static final class Entry extends WeakReference<HasMetadata> {
        private final String uid;

        Entry(String uid, HasMetadata object, ReferenceQueue<HasMetadata> queue) {
            super(object, queue);
            this.uid = uid;
        }
    }
}
