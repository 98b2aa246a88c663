package dev.partnerhub.api.v1alpha1;

/** The partner's rights in a customer org. */
public enum AdminAccessLevel {
    /** The partner administers the whole org (Full Administrator). */
    FullAdmin,
    /**
     * The partner holds another role, which lets it do less: after an automatic attach, Provisioning Admin (seed
     * 003). status.adminRole names it. Read from ProvisioningAdmin too, the value an earlier version stored.
     */
    @com.fasterxml.jackson.annotation.JsonAlias("ProvisioningAdmin")
    LimitedAdmin
}
