package dev.partnerhub.operator.ownership;

import dev.partnerhub.providers.spi.errors.ProviderRejectedException;
import dev.partnerhub.providers.spi.errors.ProviderUnavailableException;

/**
 * A create recorded as pending before it is sent stands until its object is found or a create is refused outright. A
 * repeated create that the provider refuses as a conflict (409) is no outright refusal: the create before it, whose
 * reply never came, may be what holds the key, and a list may not show it yet.
 */
public final class PendingCreates {

    private PendingCreates() {
    }

    /** Whether what the refusal says holds the key may be the resource's own earlier create. */
    public static boolean mayBeOurs(ProviderRejectedException refusal, boolean repeated) {
        return repeated && refusal.httpStatus() == 409;
    }

    /**
     * The failure to report when the key's holder is not found after a refused create: the refusal itself, or, when
     * the holder may be the resource's own earlier create, a transient failure (the pending create kept, the resource
     * looked at again until a list shows it).
     */
    public static RuntimeException unconfirmed(ProviderRejectedException refusal, boolean repeated, String what) {
        if (!mayBeOurs(refusal, repeated)) {
            return refusal;
        }
        return new ProviderUnavailableException("The provider refused the repeated create of " + what
                + " as existing (HTTP 409) but does not list it yet: the create before it, whose reply was lost, "
                + "probably went through; the pending create is kept and the object looked for again", 409,
                refusal.errors(), refusal.trackingId(), null, refusal);
    }
}
