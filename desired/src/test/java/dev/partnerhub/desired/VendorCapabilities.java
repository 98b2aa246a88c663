package dev.partnerhub.desired;

import dev.partnerhub.providers.spi.ConnectionSettings;
import dev.partnerhub.providers.spi.http.RateLimiter;
import dev.partnerhub.providers.spi.http.RetryPolicy;
import dev.partnerhub.providers.spi.model.Capabilities;
import dev.partnerhub.providers.webex.WebexProviderFactory;
import java.util.Map;

/**
 * A vendor's capabilities (its models and catalogue), made by its own factory, for the desired state's tests: the data
 * the operator reads, never a call.
 */
final class VendorCapabilities {

    private VendorCapabilities() {
    }

    /** Webex's, of a model ({@code wholesale}, {@code broadworks}). */
    static Capabilities webex(String model) {
        return new WebexProviderFactory().create(new ConnectionSettings("http://unused.invalid/v1", () -> "unused",
                new RateLimiter(10, 10), Map.of("webex.model", model), RetryPolicy.defaults())).capabilities();
    }
}
