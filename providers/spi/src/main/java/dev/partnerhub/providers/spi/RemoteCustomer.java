package dev.partnerhub.providers.spi;

import java.util.List;

/**
 * A customer organization as the provider holds it. {@code status} is the provider's value unchanged;
 * {@link #state()} is its meaning for a reconciler.
 */
public record RemoteCustomer(String id, String orgId, String externalId, String status, List<String> packages,
        List<RemotePackage> packageDetails, List<RemoteError> errors) {

    /** What a provider status means for the reconciler. */
    public enum State { PROVISIONING, READY, READY_WITH_ERRORS, UPDATING, DELETING, FAILED, UNKNOWN }

    public State state() {
        if (status == null) {
            return State.UNKNOWN;
        }
        return switch (status) {
            case "provisioning", "pending_rpl_review" -> State.PROVISIONING;
            case "provisioned" -> State.READY;
            case "provisioned_with_errors" -> State.READY_WITH_ERRORS;
            case "updating" -> State.UPDATING;
            case "deleting" -> State.DELETING;
            case "error" -> State.FAILED;
            default -> State.UNKNOWN;
        };
    }
}
