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

    /**
     * An attempt the provider answered with {@code status}, {@code took} from sending it to its whole body; a reply
     * that is not the API's (a success whose body is not its JSON) is {@link #unusable} instead.
     */
    default void answered(String method, URI uri, int status, Duration took) {
    }

    /** An attempt answered with a reply that is not the API's (an HTML page, a truncated body). */
    default void unusable(String method, URI uri, int status, Duration took) {
    }

    /** An attempt that got no reply (none in time, the connection lost, a body too large). */
    default void unanswered(String method, URI uri, Duration took) {
    }

    /**
     * The provider asked the connection to wait (a 429, a Retry-After): {@code added} is how much longer every caller
     * of the connection now waits because of it (zero when a longer pause was already under way).
     */
    default void throttled(Duration added) {
    }

    /** A call waited {@code waited} for its turn at the connection's rate (zero when it went at once). */
    default void waitedForTurn(Duration waited) {
    }
}
