package dev.partnerhub.sandbox;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** Failures a person or a test asks the hub to inject into its next matching API calls. */
final class Faults {

    /**
     * One injected failure. {@code status} answers that status instead of handling the call (429 carries
     * Retry-After); {@code lostReply} handles the call, commits it, then drops the reply; {@code latencyMs}
     * delays the answer. {@code times} is how many calls it applies to.
     */
    record Fault(String method, String pathPrefix, int status, Integer retryAfterSeconds, long latencyMs,
            boolean lostReply, int times) {
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
                    pending.add(0, new Fault(f.method(), f.pathPrefix(), f.status(), f.retryAfterSeconds(),
                            f.latencyMs(), f.lostReply(), f.times() - 1));
                }
                return f;
            }
        }
        return null;
    }
}
