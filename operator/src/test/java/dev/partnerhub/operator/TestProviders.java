package dev.partnerhub.operator;

import static org.awaitility.Awaitility.await;

import dev.partnerhub.providers.partnercenter.PartnerCenterProviderFactory;
import dev.partnerhub.providers.spi.ConnectionSettings;
import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.providers.spi.http.RateLimiter;
import dev.partnerhub.providers.spi.http.RetryPolicy;
import dev.partnerhub.providers.spi.model.CustomerRequest;
import dev.partnerhub.providers.spi.model.RemoteCustomer;
import dev.partnerhub.providers.webex.WebexProviderFactory;
import dev.partnerhub.sandbox.HubSettings;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The real providers, made by their factories, for tests: against a hub, or for their capabilities alone. */
public final class TestProviders {

    private TestProviders() {
    }

    /** A Webex provider of a model ({@code wholesale}, {@code broadworks}) against an API base URL. */
    public static Provider webex(String model, String apiUrl, String token) {
        return new WebexProviderFactory().create(new ConnectionSettings(apiUrl, () -> token, new RateLimiter(10, 10),
                Map.of("webex.model", model), RetryPolicy.defaults()));
    }

    /** A Partner Center provider against a hub's root URL. */
    public static Provider partnerCenter(String hubUrl, String token) {
        return new PartnerCenterProviderFactory().create(new ConnectionSettings(hubUrl, () -> token,
                new RateLimiter(10, 10), Map.of(), RetryPolicy.defaults()));
    }

    /** A Webex provider of a model whose capabilities a test reads; it is never called. */
    public static Provider webex(String model) {
        return webex(model, "http://unused.invalid/v1", "unused");
    }

    private static final CustomerRequest.PostalAddress ADDRESS = new CustomerRequest.PostalAddress("771 Alder Drive",
            null, "Milpitas", "CA", "95035", "US");

    /** A customer the provider creates in the hub (external ID, packages), once the hub has provisioned it. */
    public static RemoteCustomer readyCustomer(Provider provider, String externalId, String... packages) {
        String id = provider.customers().create(new CustomerRequest(externalId, HubSettings.TRUSTED_TEMPLATE,
                "Customer " + externalId, "admin@" + externalId + ".example.com", "en", List.of(packages),
                ADDRESS, null, new CustomerRequest.CallingLocation("Head Office", ADDRESS, "America/Los_Angeles",
                        "en_us", null)));
        await().atMost(Duration.ofSeconds(10)).until(() -> provider.customers().get(id).orElseThrow().state()
                == RemoteCustomer.State.READY);
        return provider.customers().get(id).orElseThrow();
    }
}
