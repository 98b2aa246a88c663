package dev.partnerhub.api.v1alpha1;

/** What happens to the remote object when its resource is deleted, as in Crossplane. */
public enum DeletionPolicy {
    /** Delete the remote object, then release the resource. */
    Delete,
    /** Keep the remote object; only the resource goes. */
    Orphan
}
