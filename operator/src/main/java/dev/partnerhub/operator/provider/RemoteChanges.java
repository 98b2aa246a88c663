package dev.partnerhub.operator.provider;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Remote objects (subscribers, people) that a directory's read found changed or gone since the read before, by ID.
 * The operator's own writes are folded into the directories first, so what is told here was changed outside it; the
 * users that recorded these IDs look at once, not at their next resync.
 */
@ApplicationScoped
public class RemoteChanges {

    private final List<Consumer<Set<String>>> listeners = new CopyOnWriteArrayList<>();

    /** Listens to remote objects changed or gone, by ID. */
    public void onChange(Consumer<Set<String>> listener) {
        listeners.add(listener);
    }

    void tell(Set<String> ids) {
        if (!ids.isEmpty()) {
            Set<String> told = Set.copyOf(ids);
            listeners.forEach(l -> l.accept(told));
        }
    }
}
