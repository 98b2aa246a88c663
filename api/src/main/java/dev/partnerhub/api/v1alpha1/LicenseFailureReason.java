package dev.partnerhub.api.v1alpha1;

/** Why a licence could not be assigned, in the terms of group-based licensing. */
public enum LicenseFailureReason {
    /** No seat left: buy more, or free one. */
    CountViolation,
    /** The licence needs something the user lacks (a base licence, a phone number or extension). */
    DependencyViolation,
    /** The user holds a licence that cannot be combined with this one. */
    MutuallyExclusiveViolation,
    /** Any other refusal; the provider's error says which. */
    Other
}
