package dev.partnerhub.desired;

import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.providers.spi.model.Capabilities;
import dev.partnerhub.providers.spi.model.Feature;
import dev.partnerhub.providers.spi.model.UserState;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/** The imperative annotations of a CustomerUser, each acted on once per new token, and what they need. */
public final class Annotations {

    public static final String RETRY_ACTIVATION = "partnerhub.dev/retry-activation";
    public static final String RESEND_CONSENT = "partnerhub.dev/resend-consent";
    public static final String RESET_PASSWORD = "partnerhub.dev/reset-password";
    /** Seed 000's remedy: unassign the user's package, then assign it again. */
    public static final String REASSIGN_PACKAGE = "partnerhub.dev/reassign-package";

    /** The states a person can get out of by onboarding the user again with another address. */
    public static final Set<UserState> RETRYABLE = EnumSet.of(UserState.PENDING_EMAIL_INPUT,
            UserState.PENDING_EMAIL_VALIDATION, UserState.ERROR);

    private static final Map<String, Feature> NEEDS = Map.of(RETRY_ACTIVATION, Feature.ACTIVATION_ACTIONS,
            RESEND_CONSENT, Feature.ACTIVATION_ACTIONS, RESET_PASSWORD, Feature.PASSWORDS, REASSIGN_PACKAGE,
            Feature.LICENSES);

    private Annotations() {
    }

    /** The annotations whose action this provider does not have, each naming it. */
    public static List<String> unsupported(CustomerUser user, Capabilities capabilities) {
        Map<String, String> annotations = user.getMetadata().getAnnotations();
        if (annotations == null) {
            return List.of();
        }
        return Stream.of(RETRY_ACTIVATION, RESEND_CONSENT, RESET_PASSWORD, REASSIGN_PACKAGE)
                .filter(a -> annotations.containsKey(a) && !capabilities.has(NEEDS.get(a)))
                .map(a -> "metadata.annotations[" + a + "]: a " + capabilities.name() + " connection has no such "
                        + "action; remove the annotation.").toList();
    }
}
