package dev.partnerhub.providers.webex;

import dev.partnerhub.providers.spi.ConnectionSettings;
import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.providers.spi.http.RateLimiter;
import dev.partnerhub.providers.spi.http.RetryPolicy;
import dev.partnerhub.providers.spi.model.CustomerRequest;
import dev.partnerhub.providers.spi.model.CustomerScope;
import dev.partnerhub.providers.spi.model.UserRequest;
import dev.partnerhub.sandbox.HubSettings;
import dev.partnerhub.sandbox.LocalPartnerHub;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** A local partner hub with short delays, and the real Webex providers (made by their factory) pointed at it. */
final class HubFixture implements AutoCloseable {

    final LocalPartnerHub hub;

    HubFixture() throws IOException {
        hub = LocalPartnerHub.start(HubSettings.defaults().withDelays(Duration.ofMillis(100), Duration.ofMillis(100)));
    }

    Provider wholesale() {
        return wholesale(hub.token());
    }

    Provider wholesale(String token) {
        return provider("wholesale", token, fastRetries());
    }

    Provider broadworks() {
        return provider("broadworks", hub.token(), fastRetries());
    }

    Provider provider(String model, String token, RetryPolicy retry) {
        return new WebexProviderFactory().create(new ConnectionSettings(hub.apiUrl(), () -> token,
                new RateLimiter(200, 50), Map.of("webex.model", model), retry));
    }

    static RetryPolicy fastRetries() {
        return new RetryPolicy(4, Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(2),
                Duration.ofSeconds(10));
    }

    /** A customer whose domain is its external ID's first word (contract-acme: contract.example.com). */
    static CustomerRequest customer(String externalId, String... packages) {
        return new CustomerRequest(externalId, HubSettings.TRUSTED_TEMPLATE, "Customer " + externalId,
                "admin@" + externalId.split("-")[0] + ".example.com", "en", List.of(packages), ADDRESS, null,
                HEAD_OFFICE);
    }

    static final CustomerRequest.PostalAddress ADDRESS = new CustomerRequest.PostalAddress("771 Alder Drive", null,
            "Milpitas", "CA", "95035", "US");
    /** The office a customer's calling packages are provisioned for. */
    static final CustomerRequest.CallingLocation HEAD_OFFICE = new CustomerRequest.CallingLocation("Head Office",
            ADDRESS, "America/Los_Angeles", "en_us", null);

    /** A Wholesale user: keyed by its email. */
    static UserRequest user(String email, String pkg, String phone) {
        return new UserRequest(email, email, "First", "Last", null, pkg, phone, null, null, null, null, null);
    }

    /** A BroadWorks user: keyed by its BroadWorks user ID, onboarded with a template. */
    static UserRequest broadworksUser(String template, String userId, String email, String first, String last,
            String pkg, String extension) {
        return new UserRequest(userId, email, first, last, null, pkg, null, extension, null, null, template, null);
    }

    static CustomerScope scope(String id) {
        return new CustomerScope(id);
    }

    @Override
    public void close() {
        hub.close();
    }
}
