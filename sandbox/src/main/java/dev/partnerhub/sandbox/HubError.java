package dev.partnerhub.sandbox;

/** A refusal the hub answers with a Webex-shaped error body: HTTP status, errorCode and description. */
public class HubError extends RuntimeException {

    private final int status;
    private final int errorCode;
    private final Integer retryAfterSeconds;

    public HubError(int status, int errorCode, String description) {
        this(status, errorCode, description, null);
    }

    public HubError(int status, int errorCode, String description, Integer retryAfterSeconds) {
        super(description, null, false, false);
        this.status = status;
        this.errorCode = errorCode;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    public static HubError badRequest(int errorCode, String description) {
        return new HubError(400, errorCode, description);
    }

    public static HubError notFound(String what) {
        return new HubError(404, 4040, what + " not found.");
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
}
