package dev.partnerhub.providers.spi.model;

import dev.partnerhub.providers.spi.errors.RemoteError;
import java.util.List;

/**
 * A customer organization as the provider holds it.
 *
 * @param id     the provider's ID of the customer
 * @param orgId  the organization (tenant) its users and licences belong to, once it exists
 * @param key    its value of the provider's customer key
 * @param state  what the provider's status means, mapped by the vendor module
 * @param status the provider's status, unchanged, for people to read
 */
public record RemoteCustomer(String id, String orgId, String key, State state, String status, List<String> packages,
        List<RemotePackage> packageDetails, List<RemoteError> errors) {

    /** What a provider status means for a reconciler. */
    public enum State { PROVISIONING, READY, READY_WITH_ERRORS, UPDATING, DELETING, FAILED, UNKNOWN }
}
