package dev.partnerhub.providers.spi.errors;

import java.time.Duration;
import java.util.List;

/**
 * A call not sent, or a read not made, because the connection is busy with others (its calls in flight at their
 * bound, or the same list being read by another reconcile): nothing happened at the provider, and the resource is
 * handed back to be looked at again shortly, its status untouched, so that a slow provider holds a bounded number of
 * the operator's threads.
 */
public class ProviderBusyException extends ProviderUnavailableException {

    /** How soon a resource handed back is looked at again (jittered by the caller). */
    public static final Duration AGAIN_AFTER = Duration.ofSeconds(2);

    public ProviderBusyException(String message) {
        super(message, 0, List.of(), null, AGAIN_AFTER, null);
    }
}
