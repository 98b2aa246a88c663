package dev.partnerhub.operator.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.api.v1alpha1.ActivationState;
import dev.partnerhub.api.v1alpha1.CustomerUserStatus;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.providers.spi.errors.RemoteError;
import dev.partnerhub.providers.spi.model.RemoteUser;
import dev.partnerhub.providers.spi.model.UserDetails;
import dev.partnerhub.providers.spi.model.UserState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UserActivationTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    @ParameterizedTest
    @CsvSource({"PROVISIONED,Provisioned", "PENDING_EMAIL_INPUT,PendingEmailInput",
            "PENDING_EMAIL_VALIDATION,PendingEmailValidation", "PENDING_USER_MIGRATION,PendingUserMigration",
            "PROVISIONING,Provisioning", "UPDATING,Updating", "ERROR,Error", "UNKNOWN,Provisioning"})
    void everyProviderStateMapsToItsActivationState(UserState providerState, ActivationState state) {
        assertThat(UserActivation.state(providerState)).isEqualTo(state);
    }

    @Test
    void aPendingUserIsNotReadyWaitsForAPersonWithoutBeingStalledAndSaysWhoMustDoWhat() {
        CustomerUserStatus status = apply(subscriber(UserState.PENDING_EMAIL_VALIDATION, List.of()));
        assertThat(status.getActivation().getState()).isEqualTo(ActivationState.PendingEmailValidation);
        assertThat(status.getActivation().getPendingAction()).contains("dana@example.com").contains("Join Now");
        assertThat(Conditions.isTrue(status, Conditions.READY)).isFalse();
        assertThat(Conditions.reason(status, Conditions.READY)).isEqualTo("PendingEmailValidation");
        assertThat(Conditions.isTrue(status, Conditions.STALLED)).isFalse();
        assertThat(Conditions.isTrue(status, Conditions.RECONCILING)).isFalse();
        assertThat(Conditions.reason(status, Conditions.RECONCILING)).isEqualTo("PendingEmailValidation");
        assertThat(status.getActivation().getSince()).isEqualTo("2025-12-31T09:00:00Z");
    }

    @Test
    void aFailedUserKeepsTheProvidersExactErrorForAPersonToCopy() {
        CustomerUserStatus status = apply(subscriber(UserState.ERROR,
                List.of(new RemoteError("6001", "Email domain is not verified.", null))));
        assertThat(Conditions.reason(status, Conditions.STALLED)).isEqualTo("ProvisioningError");
        assertThat(status.getErrors()).singleElement().satisfies(e -> {
            assertThat(e.getCode()).isEqualTo("6001");
            assertThat(e.getDescription()).isEqualTo("Email domain is not verified.");
        });
    }

    @Test
    void aProvisionedUserIsReadyWithNoPendingAction() {
        CustomerUserStatus status = apply(subscriber(UserState.PROVISIONED, List.of()));
        assertThat(Conditions.isTrue(status, Conditions.READY)).isTrue();
        assertThat(Conditions.isTrue(status, Conditions.STALLED)).isFalse();
        assertThat(status.getActivation().getPendingAction()).isNull();
    }

    private static CustomerUserStatus apply(RemoteUser subscriber) {
        CustomerUserStatus status = new CustomerUserStatus();
        Conditions conditions = Conditions.builder();
        UserActivation.apply(status, subscriber, conditions, NOW);
        conditions.applyTo(status, 1L, Clock.fixed(NOW, ZoneOffset.UTC));
        return status;
    }

    private static RemoteUser subscriber(UserState state, List<RemoteError> errors) {
        return new RemoteUser("sub-1", "dana@sp", "dana@example.com", null, "standard", state, "status-" + state,
                errors, Instant.parse("2025-12-31T08:00:00Z"), Instant.parse("2025-12-31T09:00:00Z"), false,
                UserDetails.NONE, null);
    }
}
