package dev.partnerhub.operator.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.api.v1alpha1.ActivationState;
import dev.partnerhub.api.v1alpha1.CustomerUserStatus;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.providers.spi.RemoteError;
import dev.partnerhub.providers.spi.RemoteSubscriber;
import dev.partnerhub.providers.spi.UserDetails;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class UserActivationTest {

    private static final Instant NOW = Instant.parse("2026-01-01T10:00:00Z");

    @ParameterizedTest
    @CsvSource({"provisioned,Provisioned", "pending_email_input,PendingEmailInput",
            "pending_email_validation,PendingEmailValidation", "pending_user_migration,PendingUserMigration",
            "provisioning,Provisioning", "updating,Updating", "error,Error"})
    void everyProviderStatusMapsToItsActivationState(String providerStatus, ActivationState state) {
        assertThat(UserActivation.state(providerStatus)).isEqualTo(state);
    }

    @Test
    void aPendingUserIsNotReadyIsStalledOnAPersonAndSaysWhoMustDoWhat() {
        CustomerUserStatus status = apply(subscriber("pending_email_validation", List.of()));
        assertThat(status.getActivation().getState()).isEqualTo(ActivationState.PendingEmailValidation);
        assertThat(status.getActivation().getPendingAction()).contains("dana@example.com").contains("Join Now");
        assertThat(Conditions.isTrue(status, Conditions.READY)).isFalse();
        assertThat(Conditions.reason(status, Conditions.READY)).isEqualTo("PendingEmailValidation");
        assertThat(Conditions.isTrue(status, Conditions.STALLED)).isTrue();
        assertThat(status.getActivation().getSince()).isEqualTo("2025-12-31T09:00:00Z");
    }

    @Test
    void aFailedUserKeepsTheProvidersExactErrorForAPersonToCopy() {
        CustomerUserStatus status = apply(subscriber("error",
                List.of(new RemoteError("6001", "Email domain is not verified.", null))));
        assertThat(Conditions.reason(status, Conditions.STALLED)).isEqualTo("ProvisioningError");
        assertThat(status.getErrors()).singleElement().satisfies(e -> {
            assertThat(e.getCode()).isEqualTo("6001");
            assertThat(e.getDescription()).isEqualTo("Email domain is not verified.");
        });
    }

    @Test
    void aProvisionedUserIsReadyWithNoPendingAction() {
        CustomerUserStatus status = apply(subscriber("provisioned", List.of()));
        assertThat(Conditions.isTrue(status, Conditions.READY)).isTrue();
        assertThat(Conditions.isTrue(status, Conditions.STALLED)).isFalse();
        assertThat(status.getActivation().getPendingAction()).isNull();
    }

    private static CustomerUserStatus apply(RemoteSubscriber subscriber) {
        CustomerUserStatus status = new CustomerUserStatus();
        Conditions conditions = Conditions.builder();
        UserActivation.apply(status, subscriber, conditions, NOW);
        conditions.applyTo(status, 1L, Clock.fixed(NOW, ZoneOffset.UTC));
        return status;
    }

    private static RemoteSubscriber subscriber(String status, List<RemoteError> errors) {
        return new RemoteSubscriber("sub-1", null, null, "Reseller1+x", "dana@sp", "dana@example.com", "standard",
                status, errors, Instant.parse("2025-12-31T08:00:00Z"), Instant.parse("2025-12-31T09:00:00Z"), false,
                UserDetails.NONE);
    }
}
