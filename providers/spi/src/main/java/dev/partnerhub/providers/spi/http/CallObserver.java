package dev.partnerhub.providers.spi.http;

import java.net.URI;
import java.time.Duration;

/**
 * What one connection's calls tell whoever measures them (the operator's metrics): each attempt sent and how it
 * ended, each request of the provider to slow down, each wait for the connection's rate. Called on the caller's
 * thread; an observer is quick and never throws.
 */
public interface CallObserver {

    /** Observes nothing. */
    CallObserver NONE = new CallObserver() {
    };

    /** An attempt the provider answered with {@code status}, {@code took} from sending it to its whole body. */
    default void answered(String method, URI uri, int status, Duration took) {
    }

    /** An attempt that got no usable reply (none in time, the connection lost, a body too large). */
    default void unanswered(String method, URI uri, Duration took) {
    }

    /**
     * The provider asked the connection to wait (a 429, a Retry-After): {@code wait} is the pause every caller of the
     * connection takes for it (the Retry-After, or a backoff when a 429 gives none).
     */
    default void throttled(Duration wait) {
    }

    /** A call waited {@code waited} for its turn at the connection's rate (zero when it went at once). */
    default void waitedForTurn(Duration waited) {
    }
}
