package dev.partnerhub.providers.partnercenter;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partnerhub.providers.spi.ConnectionSettings;
import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.providers.spi.ProviderFactory;
import dev.partnerhub.providers.spi.auth.OAuthTokenEndpoint;
import dev.partnerhub.providers.spi.auth.TokenGrant;
import dev.partnerhub.providers.spi.http.JsonHttp;
import java.net.URI;

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

    /** Microsoft's sign-in host, where a connection names none ({@code partnerCenter.loginEndpoint}). */
    public static final String DEFAULT_LOGIN_ENDPOINT = "https://login.microsoftonline.com";

    /** App+User through the Microsoft identity platform, at the sign-in host the connection names or Microsoft's. */
    @Override
    public TokenGrant tokenGrant(ConnectionSettings settings) {
        String login = settings.options().getOrDefault("partnerCenter.loginEndpoint", DEFAULT_LOGIN_ENDPOINT);
        return new EntraTokenGrant(login, url -> new OAuthTokenEndpoint(URI.create(url), JsonHttp.defaultClient(), MAPPER,
                settings.retry().requestTimeout()));
    }

    @Override
    public Provider create(ConnectionSettings settings) {
        return new PartnerCenterProvider(new PartnerCenterHttp(new JsonHttp(settings.endpointOr(DEFAULT_ENDPOINT),
                settings.tokens(), settings.limiter(), settings.breaker(), settings.retry(), new PartnerCenterDialect(),
                JsonHttp.defaultClient(), MAPPER, settings.observer())), MAPPER);
    }

    /** An Entra app is registered in the partner's tenant, whose token endpoint renews its tokens. */
    @Override
    public boolean clientsHaveTenant() {
        return true;
    }
}
