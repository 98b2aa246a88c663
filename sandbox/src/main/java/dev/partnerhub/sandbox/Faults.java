package dev.partnerhub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

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
     * then stalls that long before closing; {@code listLagMs} answers a list as a replica that far behind would: the
     * items created in that last while are left out (a fault of the local hub's own, for what eventual consistency can
     * do; neither vendor documents how far its lists may lag). {@code times} is how many calls it applies to; {@code rate} the share of
     * matching calls it applies to (1: each), drawn from the hub's seeded random; {@code until} when it stops applying
     * (null: when its times are used up).
     */
    record Fault(String method, String pathPrefix, int status, Integer retryAfterSeconds, RetryAfterForm form,
            long latencyMs, boolean lostReply, long replyDelayMs, Malformed malformed, long stallMs, long listLagMs,
            int times, double rate, Instant until) {

        Fault next() {
            return new Fault(method, pathPrefix, status, retryAfterSeconds, form, latencyMs, lostReply, replyDelayMs,
                    malformed, stallMs, listLagMs, times - 1, rate, until);
        }

        /** What the fault does, for the hub's counts. */
        String kind() {
            return status > 0 ? String.valueOf(status) : lostReply ? "lost-reply" : stallMs > 0 ? "stall"
                    : malformed != null ? "malformed-" + malformed.name().toLowerCase(java.util.Locale.ROOT)
                    : replyDelayMs > 0 ? "reply-delay" : listLagMs > 0 ? "list-lag" : "latency";
        }

        /** The Retry-After header's text for a reply at {@code now}; null: none. */
        String retryAfterHeader(Instant now) {
            if (retryAfterSeconds == null) {
                return null;
            }
            return switch (form) {
                case SECONDS -> String.valueOf(retryAfterSeconds);
                case DECIMAL -> retryAfterSeconds + ".5";
                // An HTTP-date has whole seconds: the next whole second after the wait, never before it.
                case HTTP_DATE -> DateTimeFormatter.RFC_1123_DATE_TIME.format(now.plusSeconds(retryAfterSeconds + 1)
                        .truncatedTo(ChronoUnit.SECONDS).atZone(ZoneOffset.UTC));
                // In turn, by the calls the fault has left: each form as often as the others.
                case MIXED -> withForm(RetryAfterForm.values()[Math.floorMod(times, 3)]).retryAfterHeader(now);
            };
        }

        /** The reply as a list {@code listLagMs} behind would give it: the items created since then left out. */
        HubResponse lagging(HubResponse response, Instant now) {
            if (listLagMs <= 0 || response.status() >= 300 || !(response.body() instanceof ObjectNode body)
                    || !body.path("items").isArray()) {
                return response;
            }
            Instant horizon = now.minusMillis(listLagMs);
            ArrayNode kept = Json.MAPPER.createArrayNode();
            body.get("items").forEach(item -> {
                JsonNode created = item.get("created");
                if (created == null || !created.isTextual() || !Instant.parse(created.asText()).isAfter(horizon)) {
                    kept.add(item);
                }
            });
            ObjectNode lagged = body.deepCopy();
            lagged.set("items", kept);
            return new HubResponse(response.status(), response.headers(), lagged);
        }

        private Fault withForm(RetryAfterForm other) {
            return new Fault(method, pathPrefix, status, retryAfterSeconds, other, latencyMs, lostReply, replyDelayMs,
                    malformed, stallMs, listLagMs, times, rate, until);
        }
    }

    /**
     * The forms of Retry-After the hub can send with an injected status, all of RFC 9110's: whole seconds (what
     * Webex and Partner Center send), decimal seconds (which some proxies send and RFC 9110 does not allow, read
     * leniently by the client), an HTTP-date, or each in turn (the hub's own setting).
     */
    enum RetryAfterForm {
        SECONDS, DECIMAL, HTTP_DATE, MIXED
    }

    private final List<Fault> pending = new ArrayList<>();
    private Random random = new Random(1);
    /** How many calls each kind of fault was applied to, since the hub started. */
    private final Map<String, Long> applied = new TreeMap<>();

    /** The hub's own per-second limit of API calls (0: none), and the calls of the current second. */
    private int perSecond;
    private long second = -1;
    private int inSecond;

    /** Sets the hub's own limit of API calls per calendar second; 0 lifts it. */
    synchronized void limit(int callsPerSecond) {
        perSecond = callsPerSecond;
    }

    /** Whether a call arriving in this epoch second is beyond the limit (counted as "429-limit" when it is). */
    synchronized boolean overLimit(long epochSecond) {
        if (perSecond <= 0) {
            return false;
        }
        if (epochSecond != second) {
            second = epochSecond;
            inSecond = 0;
        }
        if (++inSecond <= perSecond) {
            return false;
        }
        applied.merge("429-limit", 1L, Long::sum);
        return true;
    }

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

    /** How many calls each kind of fault (a status, lost-reply, stall, latency, reply-delay, malformed) met. */
    synchronized Map<String, Long> applied() {
        return new TreeMap<>(applied);
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
                applied.merge(f.kind(), 1L, Long::sum);
                return f;
            }
        }
        return null;
    }
}
