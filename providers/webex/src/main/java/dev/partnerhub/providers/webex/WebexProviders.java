package dev.partnerhub.providers.webex;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partnerhub.providers.spi.LicensingProvider;
import dev.partnerhub.providers.spi.ProvisioningProvider;
import dev.partnerhub.providers.spi.RateLimiter;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.function.Supplier;

/** Builds the Webex provider of one connection. */
public final class WebexProviders {

    /** The vendor's public API base URL, used when a connection names no endpoint. */
    public static final String DEFAULT_ENDPOINT = "https://webexapis.com/v1";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private WebexProviders() {
    }

    /**
     * @param broadworks the Webex for BroadWorks model; otherwise Wholesale
     * @param endpoint   the API base URL, for example {@code https://webexapis.com/v1}
     * @param token      supplies the bearer token for each request (so a rotated Secret takes effect)
     * @param limiter    the connection's shared rate limiter
     */
    public static ProvisioningProvider create(boolean broadworks, String endpoint, Supplier<String> token,
            RateLimiter limiter, WebexHttp.RetryPolicy policy) {
        return provisioning(broadworks, http(endpoint, token, limiter, policy));
    }

    /** The HTTP side of one connection; share it between its providers so that they share the rate limiter. */
    public static WebexHttp http(String endpoint, Supplier<String> token, RateLimiter limiter,
            WebexHttp.RetryPolicy policy) {
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        return new WebexHttp(endpoint == null ? DEFAULT_ENDPOINT : endpoint, token, limiter, policy, client, MAPPER);
    }

    public static ProvisioningProvider provisioning(boolean broadworks, WebexHttp http) {
        return broadworks ? new BroadWorksProvider(http, MAPPER) : new WholesaleProvider(http, MAPPER);
    }

    /** Licences, people and roles: the same admin API for both models. */
    public static LicensingProvider licensing(WebexHttp http) {
        return new WebexLicensing(http, MAPPER);
    }
}
