package dev.partnerhub.operator.provider;

/**
 * A connection that cannot make a provider now: its Secret or key is missing or empty, or its spec names a provider
 * or an option that does not exist. The reason is a CamelCase condition reason; the message names the field and
 * the fix.
 */
public class ConnectionException extends Exception {

    private final String reason;

    public ConnectionException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
