package dev.partnerhub.operator.user;

import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.providers.spi.auth.Redaction;
import dev.partnerhub.api.v1alpha1.PasswordSecretRef;
import io.fabric8.kubernetes.api.model.OwnerReferenceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Temporary passwords, where the provider takes one from the caller: generated here, kept in a Secret that the
 * CustomerUser owns (so it goes with the user), and named in {@code status.passwordSecretRef}. Never written to
 * status, events or logs.
 */
@ApplicationScoped
public class Passwords {

    /** The key of the password in its Secret. */
    public static final String KEY = "password";
    /** The label of a password Secret: the CustomerUser it belongs to. */
    public static final String LABEL = "partnerhub.dev/password-of";

    private static final String LOWER = "abcdefghijkmnopqrstuvwxyz";
    private static final String UPPER = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private static final String DIGITS = "23456789";
    private static final String SYMBOLS = "-_.!@#%+=";
    private static final int LENGTH = 20;

    private final KubernetesClient client;
    private final SecureRandom random = new SecureRandom();

    public Passwords(KubernetesClient client) {
        this.client = client;
    }

    /** The Secret that holds (or will hold) a user's password. */
    public static String secretName(CustomerUser user) {
        return user.getMetadata().getName() + "-password";
    }

    /**
     * The temporary password of the user's create: the one stored for an earlier attempt of the same create (its reply
     * lost), else a new one, stored before it is sent.
     */
    String forCreate(CustomerUser user, boolean createPending) {
        Optional<String> stored = createPending ? stored(user) : Optional.empty();
        if (stored.isPresent()) {
            return stored.get();
        }
        String password = generate();
        store(user, password);
        return password;
    }

    /** Keeps a password the provider has just been given. */
    void keep(CustomerUser user, String password) {
        store(user, password);
    }

    static PasswordSecretRef ref(CustomerUser user) {
        return new PasswordSecretRef(secretName(user), KEY);
    }

    /** 20 characters with lower and upper case letters, digits and symbols (no look-alike characters). */
    String generate() {
        String all = LOWER + UPPER + DIGITS + SYMBOLS;
        StringBuilder password = new StringBuilder();
        for (String kind : new String[] {LOWER, UPPER, DIGITS, SYMBOLS}) {
            password.append(kind.charAt(random.nextInt(kind.length())));
        }
        while (password.length() < LENGTH) {
            password.append(all.charAt(random.nextInt(all.length())));
        }
        for (int i = password.length() - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            char c = password.charAt(i);
            password.setCharAt(i, password.charAt(j));
            password.setCharAt(j, c);
        }
        Redaction.remember(password.toString());
        return password.toString();
    }

    private Optional<String> stored(CustomerUser user) {
        Secret secret = client.secrets().inNamespace(user.getMetadata().getNamespace()).withName(secretName(user))
                .get();
        if (secret == null) {
            return Optional.empty();
        }
        checkOwned(user, secret);
        String encoded = secret.getData() == null ? null : secret.getData().get(KEY);
        Optional<String> password = Optional.ofNullable(encoded).map(e -> new String(Base64.getDecoder().decode(e),
                StandardCharsets.UTF_8));
        password.ifPresent(Redaction::remember);
        return password;
    }

    private void store(CustomerUser user, String password) {
        String namespace = user.getMetadata().getNamespace();
        Secret existing = client.secrets().inNamespace(namespace).withName(secretName(user)).get();
        if (existing != null) {
            checkOwned(user, existing);
        }
        Secret secret = new SecretBuilder()
                .withNewMetadata().withName(secretName(user)).withNamespace(namespace)
                .withLabels(Map.of(LABEL, user.getMetadata().getName()))
                .withOwnerReferences(new OwnerReferenceBuilder().withApiVersion(user.getApiVersion())
                        .withKind(user.getKind()).withName(user.getMetadata().getName())
                        .withUid(user.getMetadata().getUid()).withController(true).build())
                .endMetadata()
                .withType("Opaque")
                .withData(Map.of(KEY, encode(password), "forceChangePassword", encode("true")))
                .build();
        if (existing == null) {
            client.secrets().inNamespace(namespace).resource(secret).create();
        } else {
            client.secrets().inNamespace(namespace).withName(secretName(user)).edit(s -> {
                s.setData(secret.getData());
                s.getMetadata().setOwnerReferences(secret.getMetadata().getOwnerReferences());
                return s;
            });
        }
    }

    /**
     * The Secret is this user's: owned by this CustomerUser, or by an earlier CustomerUser of the same name (deleted
     * where no garbage collector removed what it owned).
     */
    private static void checkOwned(CustomerUser user, Secret secret) {
        boolean ours = secret.getMetadata().getOwnerReferences() != null && secret.getMetadata().getOwnerReferences()
                .stream().anyMatch(o -> user.getMetadata().getUid().equals(o.getUid())
                        || user.getKind().equals(o.getKind()) && user.getMetadata().getName().equals(o.getName()));
        if (!ours) {
            throw new PasswordException("Secret " + user.getMetadata().getNamespace() + "/" + secretName(user)
                    + " exists and does not belong to this CustomerUser; the operator keeps the temporary password "
                    + "there. Delete or rename that Secret.");
        }
    }

    private static String encode(String value) {
        return Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8));
    }

    /** The password cannot be kept where it belongs; the message says what a person must do. */
    public static final class PasswordException extends RuntimeException {
        public PasswordException(String message) {
            super(message);
        }
    }
}
