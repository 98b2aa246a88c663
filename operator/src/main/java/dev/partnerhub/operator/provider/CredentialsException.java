package dev.partnerhub.operator.provider;

/** The connection's Secret or key is missing or empty; the message names the field and the fix. */
public class CredentialsException extends Exception {

    private final String reason;

    public CredentialsException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** A CamelCase condition reason. */
    public String reason() {
        return reason;
    }
}
