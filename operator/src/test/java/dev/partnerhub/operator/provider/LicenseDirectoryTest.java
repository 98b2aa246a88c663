package dev.partnerhub.operator.provider;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.operator.HubUnderTest;
import dev.partnerhub.operator.OperatorConfig;
import dev.partnerhub.operator.TestConfig;
import dev.partnerhub.operator.TestProviders;
import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.providers.spi.model.CustomerScope;
import dev.partnerhub.providers.spi.model.RemoteCustomer;
import dev.partnerhub.providers.spi.model.RemoteUser;
import dev.partnerhub.providers.spi.model.UserRequest;
import dev.partnerhub.sandbox.AdjustableClock;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the licence directory keeps of a connection goes with it, and only with it; the people list in hand says when
 * it may be read again, which is when a user waiting for its person looks.
 */
class LicenseDirectoryTest {

    private final OperatorConfig config = TestConfig.defaults();
    /** The operator's clock, standing still unless moved: the directory's ages are exact here. */
    private final AdjustableClock clock = AdjustableClock.standing();
    private HubUnderTest hub;
    private Provider webex;
    private LicenseDirectory directory;

    @BeforeEach
    void startTheHub() throws Exception {
        hub = HubUnderTest.start(Duration.ZERO);
        webex = hub.webex();
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
        hub.clear();

        readAll("ns/hub", org);
        readAll("ns/other", org);
        assertThat(hub.reads()).as("all kept, within the max-age").isEmpty();

        directory.forget("ns/hub");
        readAll("ns/hub", org);
        readAll("ns/other", org);
        assertThat(hub.reads()).as("the forgotten connection's reads only").containsExactlyInAnyOrder("/v1/licenses",
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
        hub.clear();
        assertThat(directory.person(org, user.personId())).as("the list in hand predates it").isEmpty();
        assertThat(hub.reads()).isEmpty();

        clock.advance(maxAge.minusMillis(1));
        assertThat(directory.peopleFreshFor(org)).isEqualTo(Duration.ofMillis(1));
        clock.advance(Duration.ofMillis(2));
        assertThat(directory.peopleFreshFor(org)).isZero();
        assertThat(directory.person(org, user.personId())).isPresent();
        assertThat(hub.reads()).containsExactly("/v1/people");
        assertThat(directory.peopleFreshFor(org)).isEqualTo(maxAge);
    }

    private void readAll(String connection, String org) {
        assertThat(directory.licenses(connection, webex, org)).isNotEmpty();
        directory.person(connection, webex, org, "nobody");
        assertThat(directory.roles(Resolved.ready(connection, webex, null, org))).isNotEmpty();
    }

    private RemoteCustomer customer(String externalId) {
        return TestProviders.readyCustomer(webex, externalId, "webex_calling");
    }
}
