package dev.partnerhub.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Random;

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
     * then stalls that long before closing. {@code times} is how many calls it applies to; {@code rate} the share of
     * matching calls it applies to (1: each), drawn from the hub's seeded random; {@code until} when it stops applying
     * (null: when its times are used up).
     */
    record Fault(String method, String pathPrefix, int status, Integer retryAfterSeconds, long latencyMs,
            boolean lostReply, long replyDelayMs, Malformed malformed, long stallMs, int times, double rate,
            Instant until) {

        Fault next() {
            return new Fault(method, pathPrefix, status, retryAfterSeconds, latencyMs, lostReply, replyDelayMs,
                    malformed, stallMs, times - 1, rate, until);
        }
    }

    private final List<Fault> pending = new ArrayList<>();
    private Random random = new Random(1);

    synchronized void add(Fault fault) {
        pending.add(fault);
    }

    /** The seed of the draws that decide which calls a fault with a rate applies to: a run can be repeated. */
    synchronized void seed(long seed) {
        random = new Random(seed);
    }

    synchronized void clear() {
        pending.clear();
    }

    synchronized List<Fault> list() {
        pending.removeIf(f -> f.until() != null && !Instant.now().isBefore(f.until()));
        return List.copyOf(pending);
    }

    /** The first fault that applies to this call, counted as used; null when none does. */
    synchronized Fault take(String method, String path) {
        Instant now = Instant.now();
        Iterator<Fault> it = pending.iterator();
        while (it.hasNext()) {
            Fault f = it.next();
            if (f.until() != null && !now.isBefore(f.until())) {
                it.remove();
                continue;
            }
            boolean methodMatches = f.method() == null || f.method().equalsIgnoreCase(method);
            if (methodMatches && path.startsWith(f.pathPrefix()) && (f.rate() >= 1 || random.nextDouble() < f.rate())) {
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
