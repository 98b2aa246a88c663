package dev.partnerhub.sandbox;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Failures a person or a test asks the hub to inject into its next matching API calls. */
final class Faults {

    /** A reply that is not what the API documents. */
    enum Malformed {
        /** An HTML page with status 200, as a proxy or a maintenance page answers. */
        HTML,
        /** The JSON body cut in the middle. */
        TRUNCATED,
        /** A success reply without the IDs: no {@code id} anywhere, no Location header. */
        NO_IDS,
        /**
         * The same well-formed object whatever was asked (and a list of just it, and a Location elsewhere): someone
         * else's customer, subscriber, person or user, as a misrouted proxy or a mixed-up cache could answer.
         */
        CANNED
    }

    /**
     * One injected failure. {@code status} answers that status instead of handling the call (429 carries
     * Retry-After); {@code lostReply} handles the call, commits it, then drops the reply; {@code latencyMs}
     * delays the answer; {@code replyDelayMs} commits the call and delays only its reply; {@code malformed}
     * replaces the reply with one the API does not document; {@code stallMs} sends the headers and half the body,
     * then stalls that long before closing. {@code times} is how many calls it applies to.
     */
    record Fault(String method, String pathPrefix, int status, Integer retryAfterSeconds, long latencyMs,
            boolean lostReply, long replyDelayMs, Malformed malformed, long stallMs, int times) {

        Fault next() {
            return new Fault(method, pathPrefix, status, retryAfterSeconds, latencyMs, lostReply, replyDelayMs,
                    malformed, stallMs, times - 1);
        }
    }

    private final List<Fault> pending = new ArrayList<>();

    synchronized void add(Fault fault) {
        pending.add(fault);
    }

    synchronized void clear() {
        pending.clear();
    }

    synchronized List<Fault> list() {
        return List.copyOf(pending);
    }

    /** The first fault that applies to this call, counted as used; null when none does. */
    synchronized Fault take(String method, String path) {
        Iterator<Fault> it = pending.iterator();
        while (it.hasNext()) {
            Fault f = it.next();
            boolean methodMatches = f.method() == null || f.method().equalsIgnoreCase(method);
            if (methodMatches && path.startsWith(f.pathPrefix())) {
                it.remove();
                if (f.times() > 1) {
                    pending.add(0, f.next());
                }
                return f;
            }
        }
        return null;
    }
}
