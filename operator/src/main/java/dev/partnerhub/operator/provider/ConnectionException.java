package dev.partnerhub.operator.provider;

import dev.partnerhub.operator.status.Reason;

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
    public enum Problem implements Reason {
        /** A field of the spec is malformed (spec.allowedNamespaces, spec.endpoint, a provider option). */
        InvalidSpec(true),
        /**
         * spec.provider or spec.webex.model differs from what the connection was created with: its Customers live in
         * that account and model, so no provider is made for the other one.
         */
        ImmutableFieldChanged(true),
        /** spec.provider names no provider of this operator. */
        ProviderNotSupported(true),
        /** spec.endpoint is plain http:// to a host other than this machine: the token would travel in clear. */
        InsecureEndpoint(true),
        /** The Secret of spec.credentialsSecretRef does not exist. */
        SecretNotFound(false),
        /** The Secret lacks the key or holds it empty, or holds an OAuth client without all its keys. */
        SecretKeyMissing(false),
        /**
         * The Secret's value cannot be a credential (characters an HTTP header cannot carry), or is an OAuth client for
         * a provider that takes a static token only.
         */
        InvalidCredentials(false);

        private final boolean ofTheSpec;

        Problem(boolean ofTheSpec) {
            this.ofTheSpec = ofTheSpec;
        }

        @Override
        public Meaning meaning() {
            return Meaning.STALLED;
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
    public Reason reason() {
        return problem;
    }
}
