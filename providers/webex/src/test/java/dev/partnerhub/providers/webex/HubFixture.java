package dev.partnerhub.providers.webex;

import dev.partnerhub.providers.spi.CustomerRequest;
import dev.partnerhub.providers.spi.ProvisioningProvider;
import dev.partnerhub.providers.spi.RateLimiter;
import dev.partnerhub.sandbox.HubSettings;
import dev.partnerhub.sandbox.LocalPartnerHub;
import java.io.IOException;
import java.time.Duration;
import java.util.List;

/** A local partner hub with short delays, and the real Webex clients pointed at it. */
final class HubFixture implements AutoCloseable {

    final LocalPartnerHub hub;

    HubFixture() throws IOException {
        hub = LocalPartnerHub.start(HubSettings.defaults().withDelays(Duration.ofMillis(100), Duration.ofMillis(100)));
    }

    ProvisioningProvider wholesale() {
        return wholesale(hub.token());
    }

    ProvisioningProvider wholesale(String token) {
        return WebexProviders.create(false, hub.apiUrl(), () -> token, new RateLimiter(200, 50), fastRetries());
    }

    dev.partnerhub.providers.spi.LicensingProvider licensing() {
        return WebexProviders.licensing(WebexProviders.http(hub.apiUrl(), hub::token, new RateLimiter(200, 50),
                fastRetries()));
    }

    ProvisioningProvider broadworks() {
        return WebexProviders.create(true, hub.apiUrl(), hub::token, new RateLimiter(200, 50), fastRetries());
    }

    static WebexHttp.RetryPolicy fastRetries() {
        return new WebexHttp.RetryPolicy(4, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(2),
                Duration.ofSeconds(10));
    }

    static CustomerRequest customer(String externalId, String... packages) {
        return new CustomerRequest(externalId, null, HubSettings.TRUSTED_TEMPLATE, "Customer " + externalId,
                "admin@" + externalId + ".example.com", "en", List.of(packages),
                new CustomerRequest.PostalAddress("771 Alder Drive", null, "Milpitas", "CA", "95035", "US"), null);
    }

    @Override
    public void close() {
        hub.close();
    }
}
