package dev.partnerhub.operator.provider;

/**
 * A connection that cannot make a provider now: its Secret or key is missing or empty, or its spec names a provider
 * or an option that does not exist. The problem is the connection's condition reason; the message names the field and
 * the fix.
 */
public class ConnectionException extends Exception {

    /**
     * Why a connection cannot make its provider. Every one is Stalled on the connection (kstatus: Failed; Argo CD:
     * Degraded): a person must fix the spec or the Secret. Its Customers say ConnectionNotReady for a problem of the
     * spec, CredentialsMissing for one of the credentials.
     */
    public enum Problem {
        /** A field of the spec is malformed (spec.allowedNamespaces, spec.endpoint, a provider option). */
        INVALID_SPEC("InvalidSpec", true),
        /** spec.provider names no provider of this operator. */
        PROVIDER_NOT_SUPPORTED("ProviderNotSupported", true),
        /** spec.endpoint is plain http:// to a host other than this machine: the token would travel in clear. */
        INSECURE_ENDPOINT("InsecureEndpoint", false),
        /** The Secret of spec.credentialsSecretRef does not exist (or cannot be read). */
        SECRET_NOT_FOUND("SecretNotFound", false),
        /** The Secret lacks the key, or holds it empty. */
        SECRET_KEY_MISSING("SecretKeyMissing", false),
        /** The Secret's value cannot be a credential (characters an HTTP header cannot carry, a half OAuth client). */
        INVALID_CREDENTIALS("InvalidCredentials", false);

        private final String reason;
        private final boolean ofTheSpec;

        Problem(String reason, boolean ofTheSpec) {
            this.reason = reason;
            this.ofTheSpec = ofTheSpec;
        }

        /** The condition reason. */
        public String reason() {
            return reason;
        }

        /** Whether the connection's spec is at fault, rather than its credentials. */
        public boolean ofTheSpec() {
            return ofTheSpec;
        }
    }

    private final Problem problem;

    public ConnectionException(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }

    /** The condition reason of the problem. */
    public String reason() {
        return problem.reason();
    }
}
