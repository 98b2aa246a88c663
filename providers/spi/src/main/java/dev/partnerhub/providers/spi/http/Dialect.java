package dev.partnerhub.providers.spi.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partnerhub.providers.spi.errors.RemoteError;
import java.net.http.HttpHeaders;
import java.util.List;
import java.util.Map;

/**
 * What differs between vendors in their JSON over HTTP ({@link JsonHttp}): the headers of an attempt, whether a POST
 * may be repeated, and how a failure body names its errors and tracking ID.
 */
public interface Dialect {

    /**
     * Headers of one attempt of a logical call (an idempotency key belongs here).
     *
     * @param previous the headers of the attempt before, null for the first
     * @param replied  whether the attempt before got a reply (a failure status); false when its reply never came
     */
    default Map<String, String> attemptHeaders(String method, Map<String, String> previous, boolean replied) {
        return previous == null ? Map.of() : previous;
    }

    /** Whether a POST may be sent again when its outcome is unknown. */
    default boolean postIsIdempotent() {
        return false;
    }

    /** The provider's request-tracking ID of a reply (a header, or a field of a failure body); may be null. */
    String trackingId(HttpHeaders headers, JsonNode body);

    /** The errors a failure body carries, each with its code and description; empty when it carries none. */
    List<RemoteError> errors(JsonNode body, String trackingId);

    /**
     * Whether a 401 may mean the access token is no longer taken (expired on the service's clock, revoked), so that
     * a renewed one is worth a second try; by default every 401 may. A vendor that documents a 401 about the call's
     * rights rather than the token says no to that one, so that it costs no grant.
     */
    default boolean tokenRefused(JsonNode body) {
        return true;
    }

    /** The one-line message of a failure body, where it has one besides its errors; null otherwise. */
    default String message(JsonNode body) {
        return null;
    }
}
