package dev.partnerhub.api.v1alpha1;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** The kind of credentials a connection uses and when they run out; never the credentials themselves. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public class CredentialsStatus {

    @JsonPropertyDescription("StaticToken (the Secret's token, used as it is until a person replaces it) or "
            + "RefreshToken (an OAuth client and a refresh token: the operator renews the access token before it "
            + "expires and writes rotated tokens back to the Secret).")
    private CredentialsKind kind;

    @JsonPropertyDescription("When the access token in use expires (RefreshToken: renewed before then).")
    private String accessTokenExpiresAt;

    @JsonPropertyDescription("When the refresh token runs out; a person must sign in again before then (the "
            + "CredentialsExpiring condition warns ahead). Absent when the identity service does not say.")
    private String refreshTokenExpiresAt;

    public CredentialsKind getKind() {
        return kind;
    }

    public void setKind(CredentialsKind kind) {
        this.kind = kind;
    }

    public String getAccessTokenExpiresAt() {
        return accessTokenExpiresAt;
    }

    public void setAccessTokenExpiresAt(String accessTokenExpiresAt) {
        this.accessTokenExpiresAt = accessTokenExpiresAt;
    }

    public String getRefreshTokenExpiresAt() {
        return refreshTokenExpiresAt;
    }

    public void setRefreshTokenExpiresAt(String refreshTokenExpiresAt) {
        this.refreshTokenExpiresAt = refreshTokenExpiresAt;
    }
}
