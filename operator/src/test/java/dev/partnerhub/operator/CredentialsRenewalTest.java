package dev.partnerhub.operator;

import static dev.partnerhub.operator.Fixtures.user;
import static dev.partnerhub.operator.Fixtures.wholesaleCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partnerhub.api.v1alpha1.CredentialsKind;
import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.PartnerCenterSettings;
import dev.partnerhub.api.v1alpha1.PartnerConnection;
import dev.partnerhub.api.v1alpha1.WebexModel;
import dev.partnerhub.operator.status.Conditions;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Credentials that renew themselves: a Webex integration and a Partner Center App+User app, each an OAuth client and a
 * refresh token in the connection's Secret. Past the access token's lifetime on the hub's clock, everything keeps
 * converging and the renewed tokens are in the Secret (Partner Center's refresh token rotated); a revoked refresh
 * token stalls the connection, saying what to do, and nothing else; a refresh token near its end is said ahead.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@WithTestResource(LocalHubResource.class)
@TestProfile(CredentialsRenewalTest.ProbeOften.class)
class CredentialsRenewalTest extends OperatorTestSupport {

    /** Connections probed every two seconds, so that a revoked refresh token shows within the test's wait. */
    public static class ProbeOften implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("partnerhub.polling.probe", "2s");
        }
    }

    @TestHTTPResource("/q/metrics")
    URI metrics;

    @Test
    void aWebexIntegrationKeepsConvergingPastItsAccessTokensLifetimeAndARevokedOneStallsOnlyTheConnection() {
        JsonNode client = hub().registerOAuthClient("webex", null);
        String clientId = client.path("clientId").asText();
        String refresh = hub().signIn(clientId, null);
        client().resource(oauthSecret("webex-oauth", clientId, client.path("clientSecret").asText(), refresh, null))
                .create();
        PartnerConnection connection = Fixtures.connection(namespace, "hub", hubUrl + "/v1", WebexModel.WHOLESALE);
        connection.getSpec().getCredentialsSecretRef().setName("webex-oauth");
        apply(connection);
        PartnerConnection ready = awaitCondition(PartnerConnection.class, "hub", Conditions.READY, "True");
        assertThat(ready.getStatus().getCredentials().getKind()).isEqualTo(CredentialsKind.RefreshToken);
        assertThat(Instant.parse(ready.getStatus().getCredentials().getAccessTokenExpiresAt()))
                .isAfter(Instant.now().plus(Duration.ofDays(13)));
        assertThat(condition(ready, "CredentialsExpiring").getStatus()).isEqualTo("False");
        String firstAccess = secret("webex-oauth", "accessToken");
        assertThat(firstAccess).isNotBlank();

        apply(wholesaleCustomer(namespace, "acme", "hub", "webex_meetings"));
        awaitCondition(Customer.class, "acme", Conditions.READY, "True");
        apply(user(namespace, "ann", "acme", "ann@acme.example.com", "webex_meetings", null));
        awaitCondition(CustomerUser.class, "ann", Conditions.READY, "True");

        hub().advanceClock(Duration.ofDays(15));
        apply(user(namespace, "bo", "acme", "bo@acme.example.com", "webex_meetings", null));
        awaitCondition(CustomerUser.class, "bo", Conditions.READY, "True");
        assertThat(secret("webex-oauth", "accessToken")).isNotEqualTo(firstAccess);
        assertThat(secret("webex-oauth", "refreshToken")).as("Webex sends the same refresh token back")
                .isEqualTo(refresh);
        assertThat(Instant.parse(secret("webex-oauth", "refreshTokenExpiresAt")))
                .isAfter(Instant.now().plus(Duration.ofDays(89)));
        assertThat(condition(get(PartnerConnection.class, "hub"), Conditions.READY).getStatus()).isEqualTo("True");

        hub().revokeOAuthClient(clientId);
        hub().advanceClock(Duration.ofDays(15));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            PartnerConnection rejected = get(PartnerConnection.class, "hub");
            assertThat(condition(rejected, Conditions.STALLED).getReason()).isEqualTo("CredentialsRejected");
            assertThat(condition(rejected, Conditions.STALLED).getMessage()).contains("sign in again")
                    .contains("refreshToken").doesNotContain(refresh);
            // A refused refresh token is not "good until" its end date.
            assertThat(condition(rejected, "CredentialsExpiring").getReason()).isEqualTo("CredentialsRejected");
        });
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(condition(customer("acme"), Conditions.READY)
                .getReason()).isEqualTo("ConnectionNotReady"));
        assertThat(condition(customer("acme"), Conditions.STALLED).getStatus()).isEqualTo("False");
        assertThat(condition(customerUser("ann"), Conditions.STALLED).getStatus()).isEqualTo("False");
        assertThat(condition(customerUser("bo"), Conditions.STALLED).getStatus()).isEqualTo("False");
    }

    @Test
    void aPartnerCenterAppKeepsConvergingPastItsAccessTokenWithTheRotatedRefreshTokenInTheSecret() {
        String partnerTenant = "0f0e0d0c-0b0a-0908-0706-050403020100";
        JsonNode app = hub().registerOAuthClient("microsoft", partnerTenant);
        String clientId = app.path("clientId").asText();
        String refresh = hub().signIn(clientId, null);
        client().resource(oauthSecret("pc-oauth", clientId, app.path("clientSecret").asText(), refresh,
                partnerTenant)).create();
        PartnerConnection connection = Fixtures.partnerCenterConnection(namespace, "pc", hubUrl);
        connection.getSpec().getCredentialsSecretRef().setName("pc-oauth");
        PartnerCenterSettings settings = new PartnerCenterSettings();
        settings.setLoginEndpoint(hubUrl);
        connection.getSpec().setPartnerCenter(settings);
        apply(connection);
        awaitCondition(PartnerConnection.class, "pc", Conditions.READY, "True");
        String tenantId = hub().createTenant("Tenant of " + namespace);
        apply(Fixtures.partnerCenterCustomer(namespace, "contoso", "pc", tenantId));
        awaitCondition(Customer.class, "contoso", Conditions.READY, "True");
        String rotated = secret("pc-oauth", "refreshToken");
        assertThat(rotated).as("a new refresh token with each grant").isNotEqualTo(refresh);

        hub().advanceClock(Duration.ofHours(2));
        apply(Fixtures.partnerCenterUser(namespace, "amy", "contoso", "amy@contoso.example.com"));
        awaitCondition(CustomerUser.class, "amy", Conditions.READY, "True");
        assertThat(secret("pc-oauth", "refreshToken")).isNotEqualTo(rotated).isNotEqualTo(refresh);
        assertThat(condition(get(PartnerConnection.class, "pc"), Conditions.READY).getStatus()).isEqualTo("True");
        assertThat(condition(customer("contoso"), Conditions.READY).getStatus()).isEqualTo("True");

        hub().revokeOAuthClient(clientId);
        hub().advanceClock(Duration.ofHours(2));
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(condition(get(PartnerConnection.class, "pc"),
                Conditions.STALLED).getReason()).isEqualTo("CredentialsRejected"));
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(condition(customer("contoso"), Conditions.READY)
                .getReason()).isEqualTo("ConnectionNotReady"));
        assertThat(condition(customer("contoso"), Conditions.STALLED).getStatus()).isEqualTo("False");
        assertThat(condition(customerUser("amy"), Conditions.STALLED).getStatus()).isEqualTo("False");
    }

    @Test
    void aRefreshTokenNearItsEndIsSaidAheadAndItsSecondsLeftAreAMetric() throws Exception {
        JsonNode client = hub().registerOAuthClient("webex", null);
        String clientId = client.path("clientId").asText();
        String refresh = hub().signIn(clientId, null);
        // Tokens a replica renewed before: an access token that is good, a refresh token with three days left.
        JsonNode granted = grant(clientId, client.path("clientSecret").asText(), refresh);
        Instant refreshEnds = Instant.now().plus(Duration.ofDays(3));
        Secret secret = oauthSecret("ending", clientId, client.path("clientSecret").asText(), refresh, null);
        secret.getStringData().put("accessToken", granted.path("access_token").asText());
        secret.getStringData().put("accessTokenExpiresAt", Instant.now().plus(Duration.ofDays(14)).toString());
        secret.getStringData().put("refreshTokenExpiresAt", refreshEnds.toString());
        client().resource(secret).create();
        PartnerConnection connection = Fixtures.connection(namespace, "ending", hubUrl + "/v1", WebexModel.WHOLESALE);
        connection.getSpec().getCredentialsSecretRef().setName("ending");
        apply(connection);
        PartnerConnection ready = awaitCondition(PartnerConnection.class, "ending", Conditions.READY, "True");
        await().atMost(TIMEOUT).untilAsserted(() -> {
            PartnerConnection c = get(PartnerConnection.class, "ending");
            assertThat(condition(c, "CredentialsExpiring").getStatus()).isEqualTo("True");
            assertThat(condition(c, "CredentialsExpiring").getMessage()).contains("in 2 days", "sign in again")
                    .doesNotContain(refresh);
        });
        assertThat(ready.getStatus().getCredentials().getRefreshTokenExpiresAt()).isEqualTo(refreshEnds.toString());
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(metrics).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(body).contains("partnerhub_credentials_expiry_seconds{connection=\"" + namespace
                + "/ending\",token=\"refresh\"}").doesNotContain(refresh);

        // The connection moves to a static token: no expiry is known any more, and none is left counting down.
        client().resource(Fixtures.tokenSecret(namespace, LocalHubResource.hub.token())).create();
        edit(PartnerConnection.class, "ending", c -> c.getSpec().getCredentialsSecretRef().setName("hub-token"));
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                metrics).build(), HttpResponse.BodyHandlers.ofString()).body()).contains(
                "partnerhub_credentials_expiry_seconds{connection=\"" + namespace + "/ending\",token=\"refresh\"} NaN"));
    }

    private Secret oauthSecret(String name, String clientId, String clientSecret, String refresh, String tenant) {
        SecretBuilder secret = new SecretBuilder().withMetadata(new ObjectMetaBuilder().withName(name)
                .withNamespace(namespace).build()).addToStringData("clientId", clientId)
                .addToStringData("clientSecret", clientSecret).addToStringData("refreshToken", refresh);
        if (tenant != null) {
            secret.addToStringData("tenantId", tenant);
        }
        Secret built = secret.build();
        built.setStringData(new java.util.HashMap<>(built.getStringData()));
        return built;
    }

    private String secret(String name, String key) {
        Secret secret = get(Secret.class, name);
        String encoded = secret.getData() == null ? null : secret.getData().get(key);
        return encoded != null ? new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8)
                : secret.getStringData() == null ? null : secret.getStringData().get(key);
    }

    /** Webex's token endpoint, asked directly (as another replica did before). */
    private JsonNode grant(String clientId, String clientSecret, String refresh) throws Exception {
        String form = "grant_type=refresh_token&client_id=" + clientId + "&client_secret=" + clientSecret
                + "&refresh_token=" + refresh;
        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(hubUrl + "/v1/access_token"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString()).body();
        return new com.fasterxml.jackson.databind.ObjectMapper().readTree(body);
    }

    private io.fabric8.kubernetes.client.KubernetesClient client() {
        return client;
    }
}
