package dev.partnerhub.operator.user;

import dev.partnerhub.api.v1alpha1.CustomerUser;
import io.javaoperatorsdk.operator.processing.event.source.filter.OnUpdateFilter;
import java.util.Objects;

/**
 * Which updates of a CustomerUser are worth a reconcile: its spec (generation), its labels (they select it
 * for licence assignments), its annotations (imperative actions), its deletion and its finalizers; never a
 * change of its own status.
 */
public class SpecOrLabelsChanged implements OnUpdateFilter<CustomerUser> {

    @Override
    public boolean accept(CustomerUser updated, CustomerUser old) {
        return !Objects.equals(updated.getMetadata().getGeneration(), old.getMetadata().getGeneration())
                || !Objects.equals(updated.getMetadata().getLabels(), old.getMetadata().getLabels())
                || !Objects.equals(updated.getMetadata().getAnnotations(), old.getMetadata().getAnnotations())
                || !Objects.equals(updated.getMetadata().getDeletionTimestamp(), old.getMetadata().getDeletionTimestamp())
                || !Objects.equals(updated.getMetadata().getFinalizers(), old.getMetadata().getFinalizers());
    }
}
