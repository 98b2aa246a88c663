package dev.partnerhub.providers.spi.auth;

/**
 * An application registered with a vendor's identity service: a Webex integration or service app, a Microsoft Entra
 * app registration.
 *
 * @param tenantId the directory the application signs in to, where the identity service needs one (Microsoft's);
 *                 null otherwise
 */
public record OAuthClient(String clientId, String clientSecret, String tenantId) {

    @Override
    public String toString() {
        return "OAuthClient[clientId=" + clientId + ", tenantId=" + tenantId + "]";
    }
}
