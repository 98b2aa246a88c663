package dev.partnerhub.providers.webex;

import dev.partnerhub.providers.spi.model.RemoteCustomer;
import dev.partnerhub.providers.spi.model.UserState;

/** What Webex's status strings mean. */
final class WebexStates {

    private WebexStates() {
    }

    static RemoteCustomer.State customer(String status) {
        if (status == null) {
            return RemoteCustomer.State.UNKNOWN;
        }
        return switch (status) {
            case "provisioning", "pending_rpl_review" -> RemoteCustomer.State.PROVISIONING;
            case "provisioned" -> RemoteCustomer.State.READY;
            case "provisioned_with_errors" -> RemoteCustomer.State.READY_WITH_ERRORS;
            case "updating" -> RemoteCustomer.State.UPDATING;
            case "deleting" -> RemoteCustomer.State.DELETING;
            case "error" -> RemoteCustomer.State.FAILED;
            default -> RemoteCustomer.State.UNKNOWN;
        };
    }

    /** A subscriber's status; an unknown one reads as still provisioning, which is polled, never acted on. */
    static UserState user(String status) {
        if (status == null) {
            return UserState.PROVISIONING;
        }
        return switch (status) {
            case "provisioned" -> UserState.PROVISIONED;
            case "pending_email_input" -> UserState.PENDING_EMAIL_INPUT;
            case "pending_email_validation" -> UserState.PENDING_EMAIL_VALIDATION;
            case "pending_user_migration" -> UserState.PENDING_USER_MIGRATION;
            case "updating" -> UserState.UPDATING;
            case "error" -> UserState.ERROR;
            default -> UserState.PROVISIONING;
        };
    }
}
