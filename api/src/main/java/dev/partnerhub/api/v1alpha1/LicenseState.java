package dev.partnerhub.api.v1alpha1;

/** Where one licence of one user stands. */
public enum LicenseState {
    /** The user holds the licence. */
    Active,
    /** The licence waits for the user to be provisioned. */
    Pending,
    /** The provider refused the licence; the reason and the provider's error say why. */
    Error,
    /** The user holds the licence, which an Exclusive assignment takes away; the removal waits for approval. */
    RemovalHeld
}
