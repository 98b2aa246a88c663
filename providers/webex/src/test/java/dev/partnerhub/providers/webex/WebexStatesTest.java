package dev.partnerhub.providers.webex;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.providers.spi.model.RemoteCustomer;
import dev.partnerhub.providers.spi.model.UserState;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What Webex's status strings mean: they never leave this module. */
class WebexStatesTest {

    @ParameterizedTest
    @CsvSource({"provisioned,PROVISIONED", "pending_email_input,PENDING_EMAIL_INPUT",
            "pending_email_validation,PENDING_EMAIL_VALIDATION", "pending_user_migration,PENDING_USER_MIGRATION",
            "provisioning,PROVISIONING", "updating,UPDATING", "error,ERROR", "something_new,PROVISIONING"})
    void everySubscriberStatusMapsToItsState(String status, UserState state) {
        assertThat(WebexStates.user(status)).isEqualTo(state);
    }

    @ParameterizedTest
    @CsvSource({"provisioning,PROVISIONING", "pending_rpl_review,PROVISIONING", "provisioned,READY",
            "provisioned_with_errors,READY_WITH_ERRORS", "updating,UPDATING", "deleting,DELETING", "error,FAILED",
            "something_new,UNKNOWN"})
    void everyCustomerStatusMapsToItsState(String status, RemoteCustomer.State state) {
        assertThat(WebexStates.customer(status)).isEqualTo(state);
    }
}
