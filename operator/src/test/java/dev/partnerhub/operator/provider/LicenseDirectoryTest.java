package dev.partnerhub.operator.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.partnerhub.operator.OperatorConfig;
import dev.partnerhub.operator.TestProviders;
import dev.partnerhub.providers.spi.CustomerRequest;
import dev.partnerhub.providers.spi.CustomerScope;
import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.providers.spi.RemoteCustomer;
import dev.partnerhub.providers.spi.RemoteUser;
import dev.partnerhub.providers.spi.UserRequest;
import dev.partnerhub.sandbox.HubSettings;
import dev.partnerhub.sandbox.LocalPartnerHub;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the licence directory keeps of a connection goes with it, and only with it; the people list in hand says when
 * it may be read again, which is when a user waiting for its person looks.
 */
class LicenseDirectoryTest {

    private final OperatorConfig config = new SmallRyeConfigBuilder().withMapping(OperatorConfig.class)
            .withConverter(Duration.class, 200, new DurationConverter()).build().getConfigMapping(OperatorConfig.class);
    private final List<String> reads = new CopyOnWriteArrayList<>();
    /** The operator's clock, standing still unless moved: the directory's ages are exact here. */
    private final ManualClock clock = new ManualClock();
    private LocalPartnerHub hub;
    private Provider webex;
    private LicenseDirectory directory;

    @BeforeEach
    void startTheHub() throws Exception {
        hub = LocalPartnerHub.start(HubSettings.defaults().withDelays(Duration.ZERO, Duration.ZERO));
        hub.addListener(e -> {
            if (e.method().equals("GET")) {
                reads.add(e.path());
            }
        });
        webex = TestProviders.webex("wholesale", hub.apiUrl(), hub.token());
        directory = new LicenseDirectory(config, clock, new RemoteChanges());
    }

    @AfterEach
    void stopTheHub() {
        hub.close();
    }

    @Test
    void aDeletedConnectionsLicencesPeopleAndRolesAreReadAgainIfItComesBackAndAnotherConnectionKeepsItsOwn() {
        String org = customer("licences-kept").orgId();
        readAll("ns/hub", org);
        readAll("ns/other", org);
        reads.clear();

        readAll("ns/hub", org);
        readAll("ns/other", org);
        assertThat(reads).as("all kept, within the max-age").isEmpty();

        directory.forget("ns/hub");
        readAll("ns/hub", org);
        readAll("ns/other", org);
        assertThat(reads).as("the forgotten connection's reads only").containsExactlyInAnyOrder("/v1/licenses",
                "/v1/people", "/v1/roles");
    }

    @Test
    void theListInHandSaysWhenItMayBeReadAgainAndAPersonItLacksIsReadOnlyThen() {
        RemoteCustomer customer = customer("people-new");
        Resolved org = Resolved.ready("ns/hub", webex, new CustomerScope(customer.id()), customer.orgId());
        Duration maxAge = config.directory().maxAge();
        assertThat(directory.peopleFreshFor(org)).as("nothing read yet").isZero();
        assertThat(directory.person(org, "nobody")).isEmpty();
        assertThat(directory.peopleFreshFor(org)).isEqualTo(maxAge);

        String email = "new@people-new.example.com";
        RemoteUser user = webex.users().create(org.scope(), new UserRequest(email, email, "New", "Person", null,
                "webex_calling", null, "2001", null, null, null, null));
        reads.clear();
        assertThat(directory.person(org, user.personId())).as("the list in hand predates it").isEmpty();
        assertThat(reads).isEmpty();

        clock.advance(maxAge.minusMillis(1));
        assertThat(directory.peopleFreshFor(org)).isEqualTo(Duration.ofMillis(1));
        clock.advance(Duration.ofMillis(2));
        assertThat(directory.peopleFreshFor(org)).isZero();
        assertThat(directory.person(org, user.personId())).isPresent();
        assertThat(reads).containsExactly("/v1/people");
        assertThat(directory.peopleFreshFor(org)).isEqualTo(maxAge);
    }

    private void readAll(String connection, String org) {
        assertThat(directory.licenses(connection, webex, org)).isNotEmpty();
        directory.person(connection, webex, org, "nobody");
        assertThat(directory.roles(connection, webex)).isNotEmpty();
    }

    private RemoteCustomer customer(String externalId) {
        String id = webex.customers().create(new CustomerRequest(externalId, HubSettings.TRUSTED_TEMPLATE,
                "Customer " + externalId, "admin@" + externalId + ".example.com", "en", List.of("webex_calling"),
                new CustomerRequest.PostalAddress("771 Alder Drive", null, "Milpitas", "CA", "95035", "US"), null));
        await().atMost(Duration.ofSeconds(10)).until(() -> webex.customers().get(id).orElseThrow().state()
                == RemoteCustomer.State.READY);
        return webex.customers().get(id).orElseThrow();
    }

    private static final class ManualClock extends Clock {
        private volatile Instant now = Instant.now();

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }
    }
}
