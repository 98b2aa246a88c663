package dev.partnerhub.api.v1alpha1;

/** The partner's rights in a customer org. */
public enum AdminAccessLevel {
    /** The partner administers the whole org. */
    FullAdmin,
    /** The partner may provision users and services only. */
    ProvisioningAdmin
}
