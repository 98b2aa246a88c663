package dev.partnerhub.cli.local;

import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.client.server.mock.KubernetesAttributesExtractor;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.mockwebserver.crud.Attribute;
import io.fabric8.mockwebserver.crud.AttributeSet;
import io.fabric8.mockwebserver.crud.AttributeType;
import java.util.AbstractMap;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Fabric8 CRUD dispatcher with its stored objects indexed by name. Fabric8 finds the object a create, update or
 * patch is about by testing every stored object against the request (7.4.0's {@code findResource}), so each write
 * cost as much as the store is large and the API slowed as it filled: with 1,000 users its single event loop spent
 * most of its time there. Here a write looks only at the objects of its name.
 *
 * <p>The index is kept where Fabric8 writes its store ({@code processEvent}, {@code reset}). The key of a stored
 * object is computed as Fabric8 computes it; should a later Fabric8 compute it otherwise, the key is not found in
 * the store, and the dispatcher falls back to Fabric8's own search for good (correct, only slower). Fabric8 makes
 * every write under its write lock, so the index changes one write at a time.
 */
class NameIndexedCrudDispatcher extends KubernetesCrudDispatcher {

    private static final String NAME = KubernetesAttributesExtractor.NAME;
    private static final String ANY = "*";

    private final Map<String, Set<AttributeSet>> byName = new ConcurrentHashMap<>();
    private volatile boolean usable = true;

    @Override
    public Map.Entry<AttributeSet, String> findResource(AttributeSet query) {
        String name = usable ? exactName(query) : null;
        if (name == null) {
            return super.findResource(query);
        }
        Set<AttributeSet> keys = byName.get(name);
        if (keys == null) {
            return null;
        }
        List<AttributeSet> candidates;
        synchronized (keys) {
            candidates = List.copyOf(keys);
        }
        // In the order they were stored, as Fabric8's search finds the first.
        for (AttributeSet key : candidates) {
            String value = map.get(key);
            if (value != null && key.matches(query)) {
                return new AbstractMap.SimpleImmutableEntry<>(key, value);
            }
        }
        return null;
    }

    @Override
    public void processEvent(String path, AttributeSet pathAttributes, AttributeSet oldKey,
            GenericKubernetesResource resource, String newValue) {
        super.processEvent(path, pathAttributes, oldKey, resource, newValue);
        if (oldKey != null) {
            remove(oldKey);
        }
        if (newValue != null && usable) {
            AttributeSet key = keyOf(pathAttributes, resource, newValue);
            String name = nameOf(key);
            if (name == null || ANY.equals(name) || !map.containsKey(key)) {
                usable = false;
                byName.clear();
            } else {
                Set<AttributeSet> keys = byName.computeIfAbsent(name,
                        n -> Collections.synchronizedSet(new LinkedHashSet<>()));
                keys.add(key);
            }
        }
    }

    @Override
    public void reset() {
        super.reset();
        byName.clear();
    }

    /** Whether writes still find their object through the index (false once a key was not where it was expected). */
    boolean indexed() {
        return usable;
    }

    /** As {@code KubernetesCrudDispatcher.processEvent} keys what it stores. */
    private AttributeSet keyOf(AttributeSet pathAttributes, GenericKubernetesResource resource, String value) {
        KubernetesAttributesExtractor extractor = (KubernetesAttributesExtractor) attributeExtractor;
        AttributeSet key = resource != null ? extractor.extract(resource) : extractor.fromResource(value);
        return key.containsKey(KubernetesAttributesExtractor.PLURAL) ? key : AttributeSet.merge(pathAttributes, key);
    }

    private void remove(AttributeSet key) {
        String name = nameOf(key);
        Set<AttributeSet> keys = name == null ? null : byName.get(name);
        if (keys != null) {
            synchronized (keys) {
                keys.remove(key);
                if (keys.isEmpty()) {
                    byName.remove(name, keys);
                }
            }
        }
    }

    /** The name a query asks for, when it asks for exactly one (not a wildcard, not a negation). */
    private static String exactName(AttributeSet query) {
        Attribute attribute = query.getAttribute(NAME);
        if (attribute == null || attribute.getType() != AttributeType.WITH || attribute.getValues().size() != 1) {
            return null;
        }
        String name = attribute.getValues().get(0).toString();
        return ANY.equals(name) ? null : name;
    }

    private static String nameOf(AttributeSet key) {
        Attribute attribute = key.getAttribute(NAME);
        return attribute == null || attribute.getValues().size() != 1 ? null : attribute.getValues().get(0).toString();
    }
}
