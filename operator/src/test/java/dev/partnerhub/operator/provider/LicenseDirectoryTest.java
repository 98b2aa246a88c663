package dev.partnerhub.operator.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.partnerhub.operator.OperatorConfig;
import dev.partnerhub.operator.TestProviders;
import dev.partnerhub.providers.spi.CustomerRequest;
import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.providers.spi.RemoteCustomer;
import dev.partnerhub.sandbox.HubClock;
import dev.partnerhub.sandbox.HubSettings;
import dev.partnerhub.sandbox.LocalPartnerHub;
import io.quarkus.runtime.configuration.DurationConverter;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the licence directory keeps of a connection goes with it, and only with it. */
class LicenseDirectoryTest {

    private final OperatorConfig config = new SmallRyeConfigBuilder().withMapping(OperatorConfig.class)
            .withConverter(Duration.class, 200, new DurationConverter()).build().getConfigMapping(OperatorConfig.class);
    private final List<String> reads = new CopyOnWriteArrayList<>();
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
        directory = new LicenseDirectory(config, new HubClock(), new RemoteChanges());
    }

    @AfterEach
    void stopTheHub() {
        hub.close();
    }

    @Test
    void aDeletedConnectionsLicencesPeopleAndRolesAreReadAgainIfItComesBackAndAnotherConnectionKeepsItsOwn() {
        String org = customer("licences-kept");
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

    private void readAll(String connection, String org) {
        assertThat(directory.licenses(connection, webex, org)).isNotEmpty();
        directory.person(connection, webex, org, "nobody");
        assertThat(directory.roles(connection, webex)).isNotEmpty();
    }

    private String customer(String externalId) {
        String id = webex.customers().create(new CustomerRequest(externalId, HubSettings.TRUSTED_TEMPLATE,
                "Customer " + externalId, "admin@" + externalId + ".example.com", "en", List.of("webex_calling"),
                new CustomerRequest.PostalAddress("771 Alder Drive", null, "Milpitas", "CA", "95035", "US"), null));
        await().atMost(Duration.ofSeconds(10)).until(() -> webex.customers().get(id).orElseThrow().state()
                == RemoteCustomer.State.READY);
        return webex.customers().get(id).orElseThrow().orgId();
    }
}
