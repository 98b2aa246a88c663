package dev.partnerhub.providers.spi.model;

import dev.partnerhub.providers.spi.errors.RemoteError;
import java.time.Instant;
import java.util.List;

/**
 * A user as the provider holds it.
 *
 * @param key           its value of the provider's user key
 * @param personId      the ID licences and roles are given to (the user's own ID where the provider has no separate
 *                      person), once there is one
 * @param state         what the provider's status means, mapped by the vendor module
 * @param status        the provider's status, unchanged, for people to read
 * @param lastChange    when its status last changed
 * @param selfActivated the user activated themselves
 * @param details       its own fields, where the user record carries them
 * @param restorableUntil for a deleted user: until when it can be restored
 */
public record RemoteUser(String id, String key, String email, String personId, String packageName, UserState state,
        String status, List<RemoteError> errors, Instant created, Instant lastChange, boolean selfActivated,
        UserDetails details, Instant restorableUntil) {
}
