package dev.partnerhub.providers.partnercenter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partnerhub.providers.spi.ConnectionSettings;
import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.providers.spi.auth.IssuedTokens;
import dev.partnerhub.providers.spi.auth.MemoryTokenStore;
import dev.partnerhub.providers.spi.auth.OAuthClient;
import dev.partnerhub.providers.spi.auth.RenewingAccessTokens;
import dev.partnerhub.providers.spi.http.RateLimiter;
import dev.partnerhub.providers.spi.http.RetryPolicy;
import dev.partnerhub.sandbox.HubAdminClient;
import dev.partnerhub.sandbox.LocalPartnerHub;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;

/**
 * An Entra app registered with the hub's identity platform and signed in once, and the Partner Center provider
 * whose App+User tokens it renews, kept in memory.
 *
 * @param refresh the refresh token of the sign-in
 */
record EntraApp(String clientId, String refresh, MemoryTokenStore store, Provider provider) {

    static EntraApp signedIn(LocalPartnerHub hub, HubAdminClient admin, String partnerTenant) {
        JsonNode app = admin.registerOAuthClient("microsoft", partnerTenant);
        String clientId = app.path("clientId").asText();
        String refresh = admin.signIn(clientId, null);
        MemoryTokenStore store = new MemoryTokenStore(new IssuedTokens(null, null, refresh, null));
        PartnerCenterProviderFactory factory = new PartnerCenterProviderFactory();
        ConnectionSettings settings = new ConnectionSettings(hub.url(), () -> "unused", new RateLimiter(500, 100),
                Map.of("partnerCenter.loginEndpoint", hub.url()), new RetryPolicy(4, Duration.ofMillis(20),
                        Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(10)));
        RenewingAccessTokens tokens = new RenewingAccessTokens(factory.tokenGrant(settings), new OAuthClient(clientId,
                app.path("clientSecret").asText(), partnerTenant), store, Clock.systemUTC(), Duration.ofMinutes(5));
        Provider provider = factory.create(new ConnectionSettings(hub.url(), tokens, settings.limiter(),
                settings.options(), settings.retry()));
        return new EntraApp(clientId, refresh, store, provider);
    }
}
