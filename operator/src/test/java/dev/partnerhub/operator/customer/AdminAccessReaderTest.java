package dev.partnerhub.operator.customer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.operator.HubUnderTest;
import dev.partnerhub.operator.OperatorConfig;
import dev.partnerhub.operator.TestConfig;
import dev.partnerhub.operator.TestProviders;
import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.providers.spi.model.AdminAccess;
import dev.partnerhub.sandbox.AdjustableClock;
import dev.partnerhub.sandbox.HubAdminClient;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** One list of the partner's orgs tells the rights of all a connection's customers; an org new to it has it read again. */
class AdminAccessReaderTest {

    private static final String ME = "/v1/people/me";
    private static final String ORGS = "/v1/partner/organizations";
    private static final String ROLES = "/v1/roles";

    private final OperatorConfig config = TestConfig.defaults();
    private final AdjustableClock clock = AdjustableClock.standing();
    private HubUnderTest hub;
    private Provider webex;
    private AdminAccessReader reader;

    @BeforeEach
    void startTheHub() throws Exception {
        hub = HubUnderTest.start(Duration.ZERO);
        webex = hub.webex();
        reader = new AdminAccessReader(config, clock);
    }

    @AfterEach
    void stopTheHub() {
        hub.close();
    }

    @Test
    void oneListServesEveryCustomerUntilTheIntervalAndAnOrgProvisionedSinceTheListIsReadAgainOnce() {
        String a = customer("access-a");
        String b = customer("access-b");
        hub.clear();
        assertThat(reader.of("uid-a", webex, a)).extracting(AdminAccess::fullAdmin).isEqualTo(true);
        assertThat(reader.of("uid-b", webex, b)).extracting(AdminAccess::fullAdmin).isEqualTo(true);
        assertThat(hub.reads()).as("the token's person, the partner's orgs and the roles' names, once for both")
                .containsExactly(ME, ORGS, ROLES);

        String c = customer("access-c");
        hub.clear();
        clock.advance(Duration.ofSeconds(1));
        assertThat(reader.of("uid-c", webex, c)).as("provisioned after the list was read")
                .extracting(AdminAccess::fullAdmin).isEqualTo(true);
        assertThat(hub.reads()).containsExactly(ME, ORGS, ROLES);

        hub.clear();
        String unmanaged = new HubAdminClient(hub.url()).createOrg("Own Corp", 5, false, false, true);
        clock.advance(Duration.ofSeconds(1));
        assertThat(reader.of("uid-own", webex, unmanaged)).as("not the partner's: read once, then known").isNull();
        assertThat(reader.of("uid-own", webex, unmanaged)).isNull();
        assertThat(reader.of("uid-a", webex, a)).extracting(AdminAccess::fullAdmin).isEqualTo(true);
        assertThat(hub.reads()).containsExactly(ME, ORGS, ROLES);

        hub.clear();
        clock.advance(config.polling().adminAccess());
        Map.of("uid-a", a, "uid-b", b, "uid-c", c).forEach((uid, org) -> assertThat(reader.of(uid, webex, org))
                .extracting(AdminAccess::fullAdmin).isEqualTo(true));
        assertThat(reader.of("uid-own", webex, unmanaged)).isNull();
        assertThat(hub.reads()).as("after the interval, one list again for all").containsExactly(ME, ORGS, ROLES);
    }

    private String customer(String externalId) {
        return TestProviders.readyCustomer(webex, externalId, "webex_calling").orgId();
    }
}
