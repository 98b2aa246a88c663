package dev.partnerhub.providers.partnercenter;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partnerhub.providers.spi.ConnectionSettings;
import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.providers.spi.ProviderFactory;
import dev.partnerhub.providers.spi.http.JsonHttp;

/** Microsoft Partner Center connections ({@code spec.provider: partnercenter}). */
public final class PartnerCenterProviderFactory implements ProviderFactory {

    /** The vendor's public API base URL; the paths carry their version ({@code /v1/...}). */
    public static final String DEFAULT_ENDPOINT = "https://api.partnercenter.microsoft.com";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    @Override
    public String kind() {
        return "partnercenter";
    }

    @Override
    public String defaultEndpoint() {
        return DEFAULT_ENDPOINT;
    }

    @Override
    public Provider create(ConnectionSettings settings) {
        return new PartnerCenterProvider(new PartnerCenterHttp(new JsonHttp(settings.endpointOr(DEFAULT_ENDPOINT),
                settings.token(), settings.limiter(), settings.retry(), new PartnerCenterDialect(),
                JsonHttp.defaultClient(), MAPPER)), MAPPER);
    }
}
