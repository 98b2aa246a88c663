package dev.partnerhub.sandbox;

/**
 * A refusal the hub answers with its surface's error body: HTTP status, error code and description. The generic
 * codes below are the hub's own (neither vendor documents codes for a malformed request or an unknown route).
 */
public class HubError extends RuntimeException {

    /** The hub's own (Webex's 401 shows it): no access token, or one the hub does not take (expired, revoked). */
    public static final int HUB_UNAUTHENTICATED = 401;
    /** The hub's own: a body that is not JSON, or not the shape the call takes. */
    public static final int HUB_MALFORMED = 4000;
    /** The hub's own: a required field missing or empty. */
    public static final int HUB_MISSING_FIELD = 4001;
    /** The hub's own: a query parameter missing or of the wrong form. */
    public static final int HUB_BAD_QUERY = 4003;
    /** The hub's own: nothing at this path, or no such object. */
    public static final int HUB_NOT_FOUND = 4040;
    /** The hub's own: a method the path does not take. */
    public static final int HUB_METHOD = 4050;
    /**
     * The hub's own: more calls in a second than the limit set with {@code PUT /admin/rate-limit} (both vendors answer
     * 429 with Retry-After; the limit and the code are the hub's).
     */
    public static final int HUB_RATE_LIMITED = 4290;
    /** The hub's own: the hub failed (or a fault asked for a 5xx). */
    public static final int HUB_INTERNAL = 5000;

    private final int status;
    private final int errorCode;
    private final Integer retryAfterSeconds;
    private final String retryAfter;

    public HubError(int status, int errorCode, String description) {
        this(status, errorCode, description, null);
    }

    public HubError(int status, int errorCode, String description, Integer retryAfterSeconds) {
        this(status, errorCode, description, retryAfterSeconds, retryAfterSeconds == null ? null
                : String.valueOf(retryAfterSeconds));
    }

    /** With the Retry-After header's text as sent (a fault may send another form than whole seconds). */
    public HubError(int status, int errorCode, String description, Integer retryAfterSeconds, String retryAfter) {
        super(description, null, false, false);
        this.status = status;
        this.errorCode = errorCode;
        this.retryAfterSeconds = retryAfterSeconds;
        this.retryAfter = retryAfter;
    }

    public static HubError badRequest(int errorCode, String description) {
        return new HubError(400, errorCode, description);
    }

    public static HubError notFound(String what) {
        return new HubError(404, HUB_NOT_FOUND, what + " not found.");
    }

    public static HubError conflict(int errorCode, String description) {
        return new HubError(409, errorCode, description);
    }

    public int status() {
        return status;
    }

    public int errorCode() {
        return errorCode;
    }

    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }

    /** The Retry-After header's text; null: none. */
    public String retryAfter() {
        return retryAfter;
    }
}
