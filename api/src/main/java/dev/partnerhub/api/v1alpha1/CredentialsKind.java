package dev.partnerhub.api.v1alpha1;

/** How a connection authenticates. */
public enum CredentialsKind {
    /** A bearer token from the Secret, used as it is. */
    StaticToken,
    /** An OAuth client and a refresh token from the Secret; access tokens renewed by the operator. */
    RefreshToken
}
