package dev.partnerhub.operator.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.operator.OperatorConfig;
import dev.partnerhub.operator.TestConfig;
import dev.partnerhub.operator.TestProviders;
import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.providers.spi.model.CustomerScope;
import dev.partnerhub.providers.spi.model.RemoteUser;
import dev.partnerhub.providers.spi.model.UserRequest;
import dev.partnerhub.sandbox.AdjustableClock;
import dev.partnerhub.sandbox.HubAdminClient;
import dev.partnerhub.sandbox.HubSettings;
import dev.partnerhub.sandbox.LocalPartnerHub;
import dev.partnerhub.sandbox.RecordedExchange;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Drift checks of many customers on Webex Wholesale, against the local hub: one list of the subscribers changed
 * across all the partner's customers serves every customer's check, instead of one list each; each customer's complete
 * list comes back every {@code directory.audit}, and it alone shows a subscriber deleted.
 */
class UserDirectoryFeedTest {

    private static final String SUBSCRIBERS = "/v1/wholesale/subscribers";

    private final OperatorConfig config = TestConfig.defaults();
    private final AdjustableClock clock = AdjustableClock.followingTheSystem();
    private final List<RecordedExchange> lists = new CopyOnWriteArrayList<>();
    private final List<String> told = new CopyOnWriteArrayList<>();
    private LocalPartnerHub hub;
    private HubAdminClient admin;
    private Provider webex;
    private UserDirectory directory;

    @BeforeEach
    void startTheHub() throws Exception {
        hub = LocalPartnerHub.start(HubSettings.defaults().withDelays(Duration.ZERO, Duration.ZERO));
        admin = new HubAdminClient(hub.url());
        hub.addListener(e -> {
            if (e.method().equals("GET") && e.path().equals(SUBSCRIBERS)) {
                lists.add(e);
            }
        });
        webex = TestProviders.webex("wholesale", hub.apiUrl(), hub.token());
        RemoteChanges changes = new RemoteChanges();
        changes.onChange(told::addAll);
        directory = new UserDirectory(config, clock, changes);
    }

    @AfterEach
    void stopTheHub() {
        hub.close();
    }

    @Test
    void oneListOfChangesAcrossCustomersServesTheDriftChecksOfAllAndTheAuditReadsEachCustomerAgain() {
        List<Resolved> customers = List.of(customer("feed-a"), customer("feed-b"), customer("feed-c"));
        customers.forEach(c -> {
            create(c, "one@" + c.scope().id().hashCode() + ".example.com", "1001");
            create(c, "two@" + c.scope().id().hashCode() + ".example.com", "1002");
            assertThat(directory.users(c)).hasSize(2);
        });
        assertThat(lists).as("a strict read lists its own customer").hasSize(3)
                .allSatisfy(e -> assertThat(e.query()).containsKey("customerId"));

        lists.clear();
        advance(config.directory().fullRefresh().plusSeconds(1));
        customers.forEach(c -> assertThat(directory.users(drift(c))).hasSize(2));
        assertThat(lists).as("three customers' drift checks, one list").hasSize(1)
                .allSatisfy(e -> assertThat(e.query()).doesNotContainKey("customerId").containsKey("lastStatusChange"));
        assertThat(told).isEmpty();

        Resolved b = customers.get(1);
        RemoteUser changed = directory.users(b).get(0);
        webex.users().update(b.scope(), changed, new UserRequest(null, null, null, null, null, "webex_meetings",
                null, null, null, null, null, null));
        lists.clear();
        advance(config.directory().fullRefresh().plusSeconds(1));
        assertThat(directory.users(drift(customers.get(0)))).hasSize(2);
        assertThat(directory.users(drift(b))).filteredOn(u -> u.id().equals(changed.id()))
                .extracting(RemoteUser::packageName).containsExactly("webex_meetings");
        assertThat(told).as("a subscriber changed outside wakes its user").containsExactly(changed.id());
        assertThat(lists).hasSize(1);

        RemoteUser deleted = directory.users(b).stream().filter(u -> !u.id().equals(changed.id())).findFirst()
                .orElseThrow();
        webex.users().delete(b.scope(), deleted.id());
        lists.clear();
        advance(config.directory().fullRefresh().plusSeconds(1));
        assertThat(directory.users(drift(b))).as("a list of changes cannot show a deletion").hasSize(2);
        advance(config.directory().audit());
        assertThat(directory.users(drift(b))).as("the audit's complete list does").extracting(RemoteUser::id)
                .containsExactly(changed.id());
        assertThat(told).contains(deleted.id());
        assertThat(lists).hasSize(2).last().satisfies(e -> assertThat(e.query()).containsKey("customerId")
                .doesNotContainKey("lastStatusChange"));
    }

    @Test
    void aCustomerLeftBehindByTheLastListOfChangesIsBroughtUpByOneSinceItsOwnRead() {
        Resolved older = customer("behind-older");
        directory.users(older);
        advance(Duration.ofSeconds(30));
        Resolved newer = customer("behind-newer");
        directory.users(newer);
        advance(config.directory().fullRefresh().plusSeconds(1));
        lists.clear();

        directory.users(drift(newer));
        directory.users(drift(older));
        assertThat(lists).as("the first list of changes began after the older customer's read").hasSize(2)
                .allSatisfy(e -> assertThat(e.query()).doesNotContainKey("customerId"));
        assertThat(since(lists.get(1))).isLessThan(since(lists.get(0)));

        advance(config.directory().fullRefresh().plusSeconds(1));
        directory.users(drift(newer));
        directory.users(drift(older));
        assertThat(lists).as("both up to date from then on: one list serves both").hasSize(3);
        assertThat(told).isEmpty();
    }

    @Test
    void aDeletedConnectionLeavesNothingBehindItsNextUseReadsEachCustomerAgainAndBeginsAFreshListOfChanges() {
        Resolved customer = customer("forgotten");
        create(customer, "one@forgotten.example.com", "1001");
        assertThat(directory.users(customer)).hasSize(1);
        advance(config.directory().fullRefresh().plusSeconds(1));
        directory.users(drift(customer));
        lists.clear();

        directory.forget("ns/hub");
        advance(config.directory().fullRefresh().plusSeconds(1));
        Instant readAgain = clock.instant();
        assertThat(directory.users(drift(customer))).hasSize(1);
        Instant readDone = clock.instant(); // the clock runs on: the read's own instant lies between the two
        assertThat(lists).as("no snapshot kept: the customer's complete list").hasSize(1)
                .allSatisfy(e -> assertThat(e.query()).containsKey("customerId").doesNotContainKey("lastStatusChange"));

        advance(config.directory().fullRefresh().plusSeconds(1));
        assertThat(directory.users(drift(customer))).hasSize(1);
        assertThat(lists).hasSize(2);
        assertThat(since(lists.get(1))).as("the list of changes begins at that read, not at the forgotten one's")
                .isBetween(readAgain.minusSeconds(2).toEpochMilli(), readDone.minusSeconds(2).toEpochMilli());
    }

    private static long since(RecordedExchange list) {
        return Long.parseLong(list.query().get("lastStatusChange").get(0));
    }

    private Resolved customer(String externalId) {
        String id = TestProviders.readyCustomer(webex, externalId, "webex_calling", "webex_meetings").id();
        return Resolved.ready("ns/hub", webex, new CustomerScope(id), null);
    }

    private void create(Resolved customer, String email, String extension) {
        RemoteUser user = webex.users().create(customer.scope(), new UserRequest(email, email, "First", "Last", null,
                "webex_calling", null, extension, null, null, null, null));
        directory.remember(customer.connection(), customer.scope(), user);
    }

    private Resolved drift(Resolved customer) {
        return customer.tolerating(config.directory().fullRefresh());
    }

    /** Moves the operator's clock and the hub's together. */
    private void advance(Duration by) {
        clock.advance(by);
        admin.advanceClock(by);
    }
}
