package dev.partnerhub.providers.webex;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partnerhub.providers.spi.ConnectionSettings;
import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.providers.spi.ProviderFactory;
import dev.partnerhub.providers.spi.auth.OAuthTokenEndpoint;
import dev.partnerhub.providers.spi.auth.TokenGrant;
import dev.partnerhub.providers.spi.http.JsonHttp;
import java.net.URI;

/** Webex connections ({@code spec.provider: webex}); option {@code webex.model}: wholesale (the default) or broadworks. */
public final class WebexProviderFactory implements ProviderFactory {

    /** The vendor's public API base URL. */
    public static final String DEFAULT_ENDPOINT = "https://webexapis.com/v1";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public String kind() {
        return "webex";
    }

    @Override
    public String defaultEndpoint() {
        return DEFAULT_ENDPOINT;
    }

    /** The integration's or service app's refresh token grant, on the connection's own API host. */
    @Override
    public TokenGrant tokenGrant(ConnectionSettings settings) {
        return new WebexTokenGrant(new OAuthTokenEndpoint(URI.create(settings.endpointOr(DEFAULT_ENDPOINT)
                + "/access_token"), JsonHttp.defaultClient(), MAPPER, settings.retry().requestTimeout()));
    }

    @Override
    public Provider create(ConnectionSettings settings) {
        WebexHttp http = new WebexHttp(new JsonHttp(settings.endpointOr(DEFAULT_ENDPOINT), settings.tokens(),
                settings.limiter(), settings.breaker(), settings.retry(), new WebexDialect(), JsonHttp.defaultClient(), MAPPER,
                settings.observer()));
        String model = settings.options().getOrDefault("webex.model", "wholesale");
        return switch (model) {
            case "wholesale" -> WebexProvider.wholesale(http, MAPPER);
            case "broadworks" -> WebexProvider.broadworks(http, MAPPER);
            default -> throw new IllegalArgumentException("spec.webex.model: " + model + " is not a Webex model; use "
                    + "wholesale or broadworks.");
        };
    }
}
