package dev.partnerhub.operator.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.CustomerUserStatus;
import dev.partnerhub.desired.UserFields;
import dev.partnerhub.operator.Fixtures;
import dev.partnerhub.operator.status.CommonReason;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.providers.spi.model.RemoteUser;
import dev.partnerhub.providers.spi.model.UserDetails;
import dev.partnerhub.providers.spi.model.UserField;
import dev.partnerhub.providers.spi.model.UserState;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a user's round tells of the changes it sent, beside what else the same round states in Synced. */
class UserChangesTest {

    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final List<UserFields.Difference> MENDED = List.of(
            new UserFields.Difference(UserField.FIRST_NAME, "Dana", "Dan"));

    @Test
    void aChangeSentIsToldInSynced() {
        CustomerUserStatus status = report(Conditions.builder());
        assertThat(Conditions.reason(status, Conditions.SYNCED)).isEqualTo("Updated");
        assertThat(Conditions.isTrue(status, Conditions.SYNCED)).isTrue();
    }

    /**
     * A round that sent a change and was refused something else (licences, a person's field) is not Synced: the
     * refusal stands in Synced, as it does in Ready and Stalled.
     */
    @Test
    void aRefusalStatedInTheSameRoundIsNotOverwrittenByTheChangesSent() {
        Conditions conditions = Conditions.builder();
        conditions.synced(false, UserReason.LicensesRefused, "The hub refused licences: ...");
        CustomerUserStatus status = report(conditions);
        assertThat(Conditions.isTrue(status, Conditions.SYNCED)).isFalse();
        assertThat(Conditions.reason(status, Conditions.SYNCED)).isEqualTo("LicensesRefused");
    }

    @Test
    void aRepairOfAConvergedUserIsRecordedEvenInARoundThatWasRefusedSomethingElse() {
        CustomerUser user = Fixtures.user("ns", "dana", "acme", "dana@example.com", null, null);
        user.getMetadata().setGeneration(1L);
        CustomerUserStatus previous = new CustomerUserStatus();
        Conditions.builder().ready(true, UserReason.Provisioned, "ok").applyTo(previous, 1L, clock());
        CustomerUserStatus status = new CustomerUserStatus();
        Conditions conditions = Conditions.builder();
        conditions.refused(CommonReason.ProviderRejected, "refused");
        UserChanges.since(user, previous, status).report(bound(), MENDED, conditions, NOW);
        conditions.applyTo(status, 1L, clock());
        assertThat(status.getLastRepair().getMessage()).contains("changed outside the operator");
        assertThat(Conditions.reason(status, Conditions.SYNCED)).isEqualTo("ProviderRejected");
    }

    private static CustomerUserStatus report(Conditions conditions) {
        CustomerUser user = Fixtures.user("ns", "dana", "acme", "dana@example.com", null, null);
        user.getMetadata().setGeneration(1L);
        CustomerUserStatus status = new CustomerUserStatus();
        UserChanges.since(user, null, status).report(bound(), MENDED, conditions, NOW);
        conditions.applyTo(status, 1L, clock());
        return status;
    }

    private static UserBinding.Bound bound() {
        return new UserBinding.Bound(new RemoteUser("sub-1", "dana@example.com", "dana@example.com", null, null,
                UserState.PROVISIONED, "ACTIVE", List.of(), NOW, NOW, false, UserDetails.NONE, null),
                UserBinding.How.OWNED);
    }

    private static Clock clock() {
        return Clock.fixed(NOW, ZoneOffset.UTC);
    }
}
