package dev.partnerhub.operator.provider;

import dev.partnerhub.api.v1alpha1.CredentialsKind;
import dev.partnerhub.api.v1alpha1.PartnerConnection;
import dev.partnerhub.api.v1alpha1.SecretKeyRef;
import dev.partnerhub.desired.ConnectionSpecs;
import dev.partnerhub.operator.provider.ConnectionException.Problem;
import dev.partnerhub.providers.spi.ProviderFactory;
import dev.partnerhub.providers.spi.auth.OAuthClient;
import dev.partnerhub.providers.spi.auth.Redaction;
import io.fabric8.kubernetes.api.model.Secret;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a connection's Secret holds: a static bearer token, or an OAuth client (clientId, clientSecret, and tenantId
 * where the vendor's clients belong to a tenant) with a refresh token. Keys missing are named, never their values; a
 * value a header cannot carry is refused before any call.
 *
 * @param token  the static token; null for an OAuth client
 * @param client the OAuth client; null for a static token
 */
record ConnectionCredentials(CredentialsKind kind, String token, OAuthClient client) {

    static final String CLIENT_ID = "clientId";
    static final String CLIENT_SECRET = "clientSecret";
    static final String TENANT_ID = "tenantId";

    /** The credentials of the connection's Secret, or why it holds none that can be used. */
    static ConnectionCredentials of(PartnerConnection connection, Secret secret, ProviderFactory factory)
            throws ConnectionException {
        SecretKeyRef ref = connection.getSpec().getCredentialsSecretRef();
        String where = "Secret " + connection.getMetadata().getNamespace() + "/" + ref.getName();
        boolean oauth = Stream.of(CLIENT_ID, CLIENT_SECRET, SecretTokenStore.REFRESH_TOKEN)
                .anyMatch(key -> ConnectionSpecs.secretValue(secret, key) != null);
        if (!oauth) {
            String token = ConnectionSpecs.secretValue(secret, ref.getKey());
            if (token == null) {
                throw new ConnectionException(Problem.SecretKeyMissing, "spec.credentialsSecretRef.key: " + where
                        + " has no non-empty key " + ref.getKey() + "; put the provider's token there, or an OAuth "
                        + "client under clientId, clientSecret and refreshToken.");
            }
            return new ConnectionCredentials(CredentialsKind.StaticToken, checked(token, where, ref.getKey()), null);
        }
        boolean tenant = factory.clientsHaveTenant();
        List<String> needed = tenant ? List.of(CLIENT_ID, CLIENT_SECRET, SecretTokenStore.REFRESH_TOKEN, TENANT_ID)
                : List.of(CLIENT_ID, CLIENT_SECRET, SecretTokenStore.REFRESH_TOKEN);
        List<String> missing = needed.stream().filter(key -> ConnectionSpecs.secretValue(secret, key) == null).toList();
        if (!missing.isEmpty()) {
            throw new ConnectionException(Problem.SecretKeyMissing, where + " holds an OAuth client but no non-empty "
                    + String.join(", ", missing) + "; an OAuth client needs " + String.join(", ", needed) + ".");
        }
        String refresh = ConnectionSpecs.secretValue(secret, SecretTokenStore.REFRESH_TOKEN);
        checked(refresh, where, SecretTokenStore.REFRESH_TOKEN);
        return new ConnectionCredentials(CredentialsKind.RefreshToken, null, new OAuthClient(
                checked(ConnectionSpecs.secretValue(secret, CLIENT_ID), where, CLIENT_ID),
                checked(ConnectionSpecs.secretValue(secret, CLIENT_SECRET), where, CLIENT_SECRET),
                tenant ? checked(ConnectionSpecs.secretValue(secret, TENANT_ID), where, TENANT_ID) : null));
    }

    /** A value that an HTTP header or form can carry: visible ASCII only (a pasted line break is not). */
    private static String checked(String value, String where, String key) throws ConnectionException {
        if (!CLIENT_ID.equals(key) && !TENANT_ID.equals(key)) {
            // Before the check: a value refused for a stray character is the one most likely to reach a message.
            Redaction.remember(value);
        }
        if (!value.chars().allMatch(c -> c > 0x20 && c < 0x7f)) {
            throw new ConnectionException(Problem.InvalidCredentials, where + ": key " + key + " holds characters a "
                    + "credential cannot have (a line break, a space or a non-ASCII character); put the value "
                    + "again, on one line.");
        }
        return value;
    }

    @Override
    public String toString() {
        return "ConnectionCredentials[kind=" + kind + ", client=" + client + "]";
    }
}
