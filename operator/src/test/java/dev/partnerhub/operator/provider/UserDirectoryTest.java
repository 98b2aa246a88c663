package dev.partnerhub.operator.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.operator.OperatorConfig;
import dev.partnerhub.operator.TestConfig;
import dev.partnerhub.operator.fake.FakeProvider;
import dev.partnerhub.providers.spi.model.CustomerScope;
import dev.partnerhub.providers.spi.model.UserRequest;
import dev.partnerhub.sandbox.AdjustableClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * What a customer's subscriber list costs: a change is decided from a list at most {@code directory.max-age} old; a
 * converged user that only looks for drift takes one up to {@code directory.full-refresh} old, so that one list per
 * customer and refresh serves all its users, however many they are.
 */
class UserDirectoryTest {

    private final OperatorConfig config = TestConfig.defaults();
    private final AdjustableClock clock = AdjustableClock.followingTheSystem();
    private final FakeProvider provider = new FakeProvider();
    private final UserDirectory directory = new UserDirectory(config, clock, new RemoteChanges());
    private final CustomerScope scope = new CustomerScope("customer-1");
    private final Resolved strict = Resolved.ready("ns/hub", provider, scope, "org-1");
    private final Resolved drift = strict.tolerating(config.directory().fullRefresh());

    @Test
    void driftChecksOfAHundredUsersShareOneListPerFullRefreshWhileAChangeReadsAFreshOne() {
        provider.users().create(scope, new UserRequest("a@x.example.com", "a@x.example.com", "A", "A", null, null,
                null, null, null, null, null, null));
        directory.users(strict);
        assertThat(provider.calls(FakeProvider.Op.LIST_USERS)).isEqualTo(1);

        for (int user = 0; user < 100; user++) {
            clock.advance(Duration.ofSeconds(5));
            assertThat(directory.users(drift)).hasSize(1);
        }
        assertThat(provider.calls(FakeProvider.Op.LIST_USERS)).as("500 s of resyncs, inside one full refresh")
                .isEqualTo(1);

        directory.users(strict);
        assertThat(provider.calls(FakeProvider.Op.LIST_USERS)).as("a change is decided from a fresh list")
                .isEqualTo(2);

        clock.advance(config.directory().fullRefresh().plusSeconds(1));
        directory.users(drift);
        directory.users(drift);
        assertThat(provider.calls(FakeProvider.Op.LIST_USERS)).as("one list once the last is a full refresh old")
                .isEqualTo(3);

        directory.forget("ns/hub", scope);
        directory.users(drift);
        assertThat(provider.calls(FakeProvider.Op.LIST_USERS)).as("the snapshot of a deleted Customer is dropped")
                .isEqualTo(4);
    }

    @Test
    void theDefaultsLookForDriftOncePerResync() {
        assertThat(config.directory().fullRefresh()).isEqualTo(config.polling().resync());
        assertThat(config.directory().maxAge()).isLessThan(config.polling().inProgress().multipliedBy(2));
    }
}
