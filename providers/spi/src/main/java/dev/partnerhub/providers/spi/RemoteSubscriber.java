package dev.partnerhub.providers.spi;

import java.time.Instant;
import java.util.List;

/**
 * A user as the provider holds it. {@code status} is the provider's value unchanged; {@code selfActivated}: the user
 * activated themselves; {@code details}: the user's own fields where the subscriber record carries them.
 */
public record RemoteSubscriber(String id, String personId, String customerId, String spEnterpriseId, String userId,
        String email, String packageName, String status, List<RemoteError> errors, Instant created,
        Instant lastStatusChange, boolean selfActivated, UserDetails details) {
}
