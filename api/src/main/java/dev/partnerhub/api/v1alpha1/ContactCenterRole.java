package dev.partnerhub.api.v1alpha1;

/** Contact Center roles beyond agent. */
public enum ContactCenterRole {
    /** Needs the Contact Center Premium Agent package or licence. */
    Supervisor,
    /** Premium agent with full administrator rights in the customer org. */
    Administrator
}
