package dev.partnerhub.operator.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import dev.partnerhub.operator.TestConfig;
import dev.partnerhub.operator.fake.FakeProvider;
import dev.partnerhub.providers.spi.Customers;
import dev.partnerhub.providers.spi.Licensing;
import dev.partnerhub.providers.spi.People;
import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.providers.spi.Users;
import dev.partnerhub.providers.spi.errors.ProviderBusyException;
import dev.partnerhub.providers.spi.model.Capabilities;
import dev.partnerhub.providers.spi.model.CustomerScope;
import dev.partnerhub.providers.spi.model.RemoteUser;
import dev.partnerhub.providers.spi.model.UserRequest;
import dev.partnerhub.sandbox.AdjustableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A slow provider holds one thread per list it is asked for, not every thread that wants that list: a second reader
 * waits a moment for the first and is then handed back (its resource looked at again shortly), so that the
 * operator's threads stay free for the other connections (hubctl bench bulkhead measures it end to end).
 */
class UserDirectoryBusyTest {

    private final FakeProvider fake = new FakeProvider();
    private final CountDownLatch entered = new CountDownLatch(1);
    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService pool = Executors.newSingleThreadExecutor();
    private final UserDirectory directory = new UserDirectory(TestConfig.defaults(),
            AdjustableClock.followingTheSystem(), new RemoteChanges());
    private final CustomerScope scope = new CustomerScope("customer-1");

    @AfterEach
    void stop() {
        release.countDown();
        pool.shutdownNow();
    }

    @Test
    void aSecondReaderOfAListInFlightIsHandedBackInsteadOfHeldForTheWholeCall() throws Exception {
        Resolved target = Resolved.ready("ns/slow", slowLists(), scope, "org-1");
        Future<List<RemoteUser>> first = pool.submit(() -> directory.users(target));
        assertThat(entered.await(5, TimeUnit.SECONDS)).isTrue();

        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(() -> directory.users(target))
                .isInstanceOf(ProviderBusyException.class).hasMessageContaining("customer-1"));
        assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThatThrownBy(() -> directory.refresh("ns/slow",
                target.provider(), scope)).isInstanceOf(ProviderBusyException.class));

        release.countDown();
        assertThat(first.get(5, TimeUnit.SECONDS)).isEmpty();
        assertThat(directory.users(target)).as("the list read by the first, at hand").isEmpty();
        assertThat(fake.calls(FakeProvider.Op.LIST_USERS)).isEqualTo(1);
    }

    /** The fake provider, but a list of users is answered only once the test releases it. */
    private Provider slowLists() {
        Users users = new Users() {
            @Override
            public List<RemoteUser> list(CustomerScope customer, Instant changedSince) {
                entered.countDown();
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                return fake.list(customer, changedSince);
            }

            @Override
            public RemoteUser create(CustomerScope customer, UserRequest request) {
                return fake.create(customer, request);
            }

            @Override
            public RemoteUser update(CustomerScope customer, RemoteUser current, UserRequest request) {
                return fake.update(customer, current, request);
            }

            @Override
            public void delete(CustomerScope customer, String userId) {
                fake.delete(customer, userId);
            }
        };
        return new Provider() {
            @Override
            public Capabilities capabilities() {
                return fake.capabilities();
            }

            @Override
            public void probe() {
                fake.probe();
            }

            @Override
            public Customers customers() {
                return fake;
            }

            @Override
            public Users users() {
                return users;
            }

            @Override
            public Licensing licensing() {
                return fake.licensing();
            }

            @Override
            public People people() {
                return fake.people();
            }
        };
    }
}
