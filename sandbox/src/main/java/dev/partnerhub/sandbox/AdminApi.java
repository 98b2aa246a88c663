package dev.partnerhub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The local admin endpoint's vendor-neutral part: the dump of every surface's records, request counts, injected
 * faults and the hub's clock. Not part of any vendor API; open on loopback.
 */
final class AdminApi {

    private final Faults faults;
    private final RequestCounts requests;
    private final AdjustableClock clock;
    private final List<Surface> surfaces;

    AdminApi(Faults faults, RequestCounts requests, AdjustableClock clock, List<Surface> surfaces) {
        this.faults = faults;
        this.requests = requests;
        this.clock = clock;
        this.surfaces = surfaces;
    }

    void register(Router router) {
        router.add("GET", "/admin/state", Router.Access.OPEN, r -> HubResponse.ok(state()))
                .add("GET", "/admin/requests", Router.Access.OPEN, r -> HubResponse.ok(requests.render()))
                .add("GET", "/admin/requests/per-second", Router.Access.OPEN,
                        r -> HubResponse.ok(requests.renderPerSecond()))
                .add("DELETE", "/admin/requests", Router.Access.OPEN, r -> {
                    requests.reset();
                    return HubResponse.noContent();
                })
                .add("POST", "/admin/faults", Router.Access.OPEN, this::addFault)
                .add("GET", "/admin/faults/applied", Router.Access.OPEN, r -> HubResponse.ok(Json.MAPPER.valueToTree(
                        faults.applied())))
                .add("DELETE", "/admin/faults", Router.Access.OPEN, r -> {
                    faults.clear();
                    return HubResponse.noContent();
                })
                .add("PUT", "/admin/rate-limit", Router.Access.OPEN, this::rateLimit)
                .add("POST", "/admin/clock", Router.Access.OPEN, this::advanceClock);
    }

    private ObjectNode state() {
        ObjectNode state = Json.object();
        surfaces.forEach(s -> s.state(state));
        return state;
    }

    /** Moves the hub's time forward by {@code advanceSeconds} (time-bound steps, such as a restore window). */
    private HubResponse advanceClock(HubRequest r) {
        JsonNode seconds = r.body().get("advanceSeconds");
        if (seconds == null || !seconds.canConvertToLong() || seconds.asLong() < 0) {
            throw HubError.badRequest(HubError.HUB_MISSING_FIELD, "advanceSeconds must be a whole number, 0 or more.");
        }
        clock.advance(Duration.ofSeconds(seconds.asLong()));
        return HubResponse.ok(Json.object().put("offsetSeconds", clock.offset().toSeconds())
                .put("now", clock.instant().toString()));
    }

    private HubResponse rateLimit(HubRequest r) {
        JsonNode perSecond = r.body().get("perSecond");
        if (perSecond == null || !perSecond.canConvertToInt() || perSecond.asInt() < 0) {
            throw HubError.badRequest(HubError.HUB_MISSING_FIELD, "perSecond must be a whole number, 0 (no limit) or "
                    + "more.");
        }
        faults.limit(perSecond.asInt());
        return HubResponse.ok(Json.object().put("perSecond", perSecond.asInt()));
    }

    private HubResponse addFault(HubRequest r) {
        JsonNode b = r.body();
        String malformed = HubRequest.optionalText(b, "malformed");
        double rate = b.path("rate").asDouble(1);
        if (!(rate > 0 && rate <= 1)) {
            throw HubError.badRequest(HubError.HUB_MALFORMED, "rate: a share of the matching calls, above 0 and at "
                    + "most 1.");
        }
        long seconds = b.path("seconds").asLong(0);
        if (b.hasNonNull("seed")) {
            faults.seed(b.get("seed").asLong());
        }
        // A fault that lasts a while applies to every matching call in that time unless times says otherwise.
        int times = Math.max(1, b.path("times").asInt(seconds > 0 ? Integer.MAX_VALUE : 1));
        faults.add(new Faults.Fault(HubRequest.optionalText(b, "method"), b.path("pathPrefix").asText("/v1/"),
                b.path("status").asInt(0), b.hasNonNull("retryAfterSeconds") ? b.get("retryAfterSeconds").asInt() : null,
                retryAfterForm(b.path("retryAfterForm").asText("seconds")),
                b.path("latencyMs").asLong(0), b.path("lostReply").asBoolean(false), b.path("replyDelayMs").asLong(0),
                malformed == null ? null : malformed(malformed), b.path("stallMs").asLong(0),
                b.path("listLagMs").asLong(0), times, rate,
                seconds > 0 ? Instant.now().plusSeconds(seconds) : null));
        return HubResponse.of(201, b);
    }

    private static Faults.RetryAfterForm retryAfterForm(String value) {
        try {
            return Faults.RetryAfterForm.valueOf(value.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw HubError.badRequest(HubError.HUB_MALFORMED, "retryAfterForm: one of seconds, decimal, http-date, "
                    + "mixed.");
        }
    }

    private static Faults.Malformed malformed(String value) {
        try {
            return Faults.Malformed.valueOf(value.toUpperCase(java.util.Locale.ROOT).replace('-', '_'));
        } catch (IllegalArgumentException e) {
            throw HubError.badRequest(HubError.HUB_MALFORMED, "malformed: one of html, truncated, no_ids, canned.");
        }
    }
}
