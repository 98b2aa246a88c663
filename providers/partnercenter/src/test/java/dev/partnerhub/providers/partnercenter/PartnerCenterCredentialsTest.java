package dev.partnerhub.providers.partnercenter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partnerhub.providers.spi.errors.ProviderAuthenticationException;
import dev.partnerhub.providers.spi.errors.RemoteError;
import dev.partnerhub.providers.spi.model.CustomerScope;
import dev.partnerhub.sandbox.HubAdminClient;
import dev.partnerhub.sandbox.HubSettings;
import dev.partnerhub.sandbox.LocalPartnerHub;
import dev.partnerhub.sandbox.RecordedExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * App+User credentials as Microsoft issues them: access tokens from the identity platform's v2 endpoint with Partner
 * Center's scope, renewed once the hub's clock passed them, each grant a new refresh token; a revoked one refused.
 */
class PartnerCenterCredentialsTest {

    private static final String PARTNER_TENANT = "11111111-2222-3333-4444-555555555555";

    private final List<RecordedExchange> exchanges = new CopyOnWriteArrayList<>();
    private LocalPartnerHub hub;
    private HubAdminClient admin;
    private EntraApp app;

    @BeforeEach
    void signIn() throws Exception {
        hub = LocalPartnerHub.start(HubSettings.defaults());
        hub.addListener(exchanges::add);
        admin = new HubAdminClient(hub.url());
        app = EntraApp.signedIn(hub, admin, PARTNER_TENANT);
    }

    @AfterEach
    void stopHub() {
        hub.close();
    }

    @Test
    void appPlusUserAccessTokensAreRenewedThroughTheIdentityPlatformWhichRotatesTheRefreshToken() {
        CustomerScope tenant = new CustomerScope(admin.createTenant("Fabrikam"));
        app.provider().probe();
        String first = app.store().load().refreshToken();
        assertThat(first).as("a new refresh token with each grant").isNotEqualTo(app.refresh());
        assertThat(app.store().load().refreshTokenExpiresAt()).isAfter(Instant.now().plus(Duration.ofDays(89)));
        RecordedExchange grant = exchanges.stream().filter(e -> e.path().endsWith("/oauth2/v2.0/token"))
                .findFirst().orElseThrow();
        assertThat(grant.path()).isEqualTo("/" + PARTNER_TENANT + "/oauth2/v2.0/token");
        assertThat(URLDecoder.decode(grant.requestBody(), StandardCharsets.UTF_8))
                .contains("scope=https://api.partnercenter.microsoft.com/user_impersonation offline_access");

        exchanges.clear();
        admin.advanceClock(Duration.ofHours(2));
        app.provider().users().list(tenant, null);
        assertThat(exchanges).filteredOn(e -> !e.path().startsWith("/admin/"))
                .extracting(e -> e.method() + " " + e.status()).containsExactly("GET 401", "POST 200", "GET 200");
        assertThat(app.store().load().refreshToken()).isNotEqualTo(first);

        admin.revokeOAuthClient(app.clientId());
        admin.advanceClock(Duration.ofHours(2));
        assertThatThrownBy(app.provider()::probe).isInstanceOfSatisfying(ProviderAuthenticationException.class,
                e -> assertThat(e.getMessage()).contains("invalid_grant").contains("AADSTS50173"));
    }

    /**
     * A 401 whose code is 400 is "Access denied" in Microsoft's error-code table: the call's rights, not the token's
     * life. Renewing for it would cost a grant, a rotated refresh token and a write of the Secret on every such call.
     */
    @Test
    void a401ThatSaysAccessDeniedIsReportedWithoutRenewingTheToken() {
        String tenant = admin.createTenant("Fabrikam");
        app.provider().probe();
        String before = app.store().load().refreshToken();
        admin.addFault(new ObjectMapper().createObjectNode().put("method", "GET")
                .put("pathPrefix", "/v1/customers/" + tenant).put("status", 401).put("times", 1));
        exchanges.clear();
        assertThatThrownBy(() -> app.provider().customers().get(tenant))
                .isInstanceOfSatisfying(ProviderAuthenticationException.class, e -> assertThat(e.errors())
                        .extracting(RemoteError::code).containsExactly("400"));
        assertThat(exchanges).noneMatch(e -> e.path().endsWith("/oauth2/v2.0/token"));
        assertThat(app.store().load().refreshToken()).isEqualTo(before);
    }
}
