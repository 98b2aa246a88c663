package dev.partnerhub.operator;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import java.util.Objects;

/**
 * Which updates of a resource are worth a reconcile: its spec (generation), its labels (they select users for
 * licence assignments), its annotations (imperative actions with a token), its deletion and its finalizers; never
 * a change of its own status.
 */
public class SpecOrMetadataChanged implements OnUpdateFilter<HasMetadata> {

    @Override
    public boolean accept(HasMetadata updated, HasMetadata old) {
        return !Objects.equals(updated.getMetadata().getGeneration(), old.getMetadata().getGeneration())
                || !Objects.equals(updated.getMetadata().getLabels(), old.getMetadata().getLabels())
                || !Objects.equals(updated.getMetadata().getAnnotations(), old.getMetadata().getAnnotations())
                || !Objects.equals(updated.getMetadata().getDeletionTimestamp(), old.getMetadata().getDeletionTimestamp())
                || !Objects.equals(updated.getMetadata().getFinalizers(), old.getMetadata().getFinalizers());
    }
}
