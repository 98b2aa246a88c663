package dev.partnerhub.api.v1alpha1;

/** How a LicenseAssignment treats users outside its set, like the CSV import behaviours. */
public enum LicenseMode {
    /** "Add only services": assign to the set, never remove. */
    Additive,
    /** "Add and remove services": users outside the set lose this licence. */
    Exclusive
}
