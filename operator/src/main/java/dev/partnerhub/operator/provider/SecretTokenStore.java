package dev.partnerhub.operator.provider;

import dev.partnerhub.providers.spi.auth.IssuedTokens;
import dev.partnerhub.providers.spi.auth.TokenStore;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import org.jboss.logging.Logger;

/**
 * A connection's issued tokens kept in its credentials Secret, beside the client's keys: {@code accessToken},
 * {@code accessTokenExpiresAt}, {@code refreshToken} (a rotated one replaces the old), {@code refreshTokenExpiresAt}.
 * A renewal is a merge patch that names the Secret's resourceVersion: when another replica (or shard) wrote first,
 * its tokens are taken and ours dropped, so that none is lost between two writers.
 */
final class SecretTokenStore implements TokenStore {

    static final String ACCESS_TOKEN = "accessToken";
    static final String ACCESS_EXPIRES = "accessTokenExpiresAt";
    static final String REFRESH_TOKEN = "refreshToken";
    static final String REFRESH_EXPIRES = "refreshTokenExpiresAt";

    private static final Logger LOG = Logger.getLogger(SecretTokenStore.class);
    private static final int ATTEMPTS = 5;

    private final KubernetesClient client;
    private final String namespace;
    private final String name;
    private Secret loaded;

    SecretTokenStore(KubernetesClient client, String namespace, String name) {
        this.client = client;
        this.namespace = namespace;
        this.name = name;
    }

    @Override
    public IssuedTokens load() {
        loaded = client.secrets().inNamespace(namespace).withName(name).get();
        if (loaded == null) {
            throw new IllegalStateException("Secret " + namespace + "/" + name + " is gone");
        }
        return tokens(loaded);
    }

    @Override
    public IssuedTokens save(IssuedTokens previous, IssuedTokens renewed) {
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Map<String, String> data = new HashMap<>();
            put(data, ACCESS_TOKEN, renewed.accessToken());
            put(data, ACCESS_EXPIRES, instant(renewed.accessTokenExpiresAt()));
            put(data, REFRESH_TOKEN, renewed.refreshToken());
            put(data, REFRESH_EXPIRES, instant(renewed.refreshTokenExpiresAt()));
            // A merge patch that names the resourceVersion it read: the API server refuses it (409) when the Secret
            // changed since, as an update would, with the patch permission the operator has on Secrets.
            Map<String, Object> patch = new HashMap<>();
            patch.put("metadata", Map.of("resourceVersion", loaded.getMetadata().getResourceVersion()));
            patch.put("data", data);
            try {
                loaded = client.secrets().inNamespace(namespace).withName(name).patch(
                        PatchContext.of(PatchType.JSON_MERGE), Serialization.asJson(patch));
                LOG.infof("Secret %s/%s: renewed access token kept (expires %s)", namespace, name,
                        renewed.accessTokenExpiresAt());
                return renewed;
            } catch (KubernetesClientException e) {
                if (e.getCode() != 409) {
                    throw e;
                }
            }
            IssuedTokens now = load();
            if (!Objects.equals(now.refreshToken(), previous.refreshToken())
                    || !Objects.equals(now.accessToken(), previous.accessToken())) {
                // Another replica renewed meanwhile: its tokens are the ones kept.
                LOG.debugf("Secret %s/%s: another replica renewed the tokens first", namespace, name);
                return now;
            }
        }
        throw new KubernetesClientException("Secret " + namespace + "/" + name + " kept changing; the renewed tokens "
                + "were not written");
    }

    /** The tokens a Secret holds; a refresh token written by a person (stringData) counts too. */
    static IssuedTokens tokens(Secret secret) {
        return new IssuedTokens(value(secret, ACCESS_TOKEN), parse(value(secret, ACCESS_EXPIRES)),
                value(secret, REFRESH_TOKEN), parse(value(secret, REFRESH_EXPIRES)));
    }

    private static String value(Secret secret, String key) {
        return dev.partnerhub.desired.ConnectionSpecs.secretValue(secret, key);
    }

    /** A key of the patch's data: base64, or null (in a merge patch: removed). */
    private static void put(Map<String, String> data, String key, String value) {
        data.put(key, value == null ? null : Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8)));
    }

    private static String instant(Instant value) {
        return value == null ? null : value.toString();
    }

    private static Instant parse(String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
