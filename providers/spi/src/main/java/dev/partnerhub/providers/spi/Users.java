package dev.partnerhub.providers.spi;

import dev.partnerhub.providers.spi.model.CustomerScope;
import dev.partnerhub.providers.spi.model.Feature;
import dev.partnerhub.providers.spi.model.RemoteUser;
import dev.partnerhub.providers.spi.model.UserModel;
import dev.partnerhub.providers.spi.model.UserRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A provider's users, filed under their customer ({@link CustomerScope}). */
public interface Users {

    /**
     * Every user of one customer, paged through; with {@code changedSince}, only those whose status changed after it
     * (where the API can filter so; otherwise all).
     */
    List<RemoteUser> list(CustomerScope customer, Instant changedSince);

    /** A user with the customer it is filed under. */
    record Filed(CustomerScope customer, RemoteUser user) {
    }

    /**
     * The users of all the partner's customers whose status changed after {@code since}, in one paged list; empty
     * where the API cannot list across customers. A user deleted does not show here: only its customer's complete
     * list (or its person leaving the org's people list) tells that.
     */
    default Optional<List<Filed>> changedAcrossCustomers(Instant since) {
        return Optional.empty();
    }

    RemoteUser create(CustomerScope customer, UserRequest request);

    /**
     * Changes the fields of {@link UserModel#updatable()} that the request declares.
     *
     * @param current the user as the provider holds it now (what the change is from decides what an API takes)
     */
    RemoteUser update(CustomerScope customer, RemoteUser current, UserRequest request);

    /** Removes a user (where {@link Feature#RESTORE}: restorable for a while); one already gone counts as removed. */
    void delete(CustomerScope customer, String userId);

    /** Sends the consent-to-move email again ({@link Feature#ACTIVATION_ACTIONS}). */
    default void resendConsent(CustomerScope customer, String userId) {
        throw new UnsupportedOperationException("no activation actions");
    }

    /** The deleted users that can still be restored ({@link Feature#RESTORE}). */
    default List<RemoteUser> listDeleted(CustomerScope customer) {
        throw new UnsupportedOperationException("no restore");
    }

    /** Restores a deleted user with the licences it had ({@link Feature#RESTORE}). */
    default RemoteUser restore(CustomerScope customer, String userId) {
        throw new UnsupportedOperationException("no restore");
    }

    /** Gives the user a new temporary password, to change at next sign-in ({@link Feature#PASSWORDS}). */
    default void resetPassword(CustomerScope customer, String userId, String password) {
        throw new UnsupportedOperationException("no password reset");
    }
}
