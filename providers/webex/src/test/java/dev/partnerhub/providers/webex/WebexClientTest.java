package dev.partnerhub.providers.webex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partnerhub.providers.spi.CustomerScope;
import dev.partnerhub.providers.spi.ProviderAuthenticationException;
import dev.partnerhub.providers.spi.ProviderRejectedException;
import dev.partnerhub.providers.spi.ProviderUnavailableException;
import dev.partnerhub.providers.spi.ProvisioningProvider;
import dev.partnerhub.providers.spi.SubscriberRequest;
import dev.partnerhub.sandbox.HubAdminClient;
import dev.partnerhub.sandbox.RecordedExchange;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The Webex client against the local partner hub: paging, typed errors, Retry-After and lost replies. */
class WebexClientTest {

    private HubFixture fixture;
    private HubAdminClient admin;
    private final List<RecordedExchange> exchanges = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startHub() throws Exception {
        fixture = new HubFixture();
        fixture.hub.addListener(e -> {
            if (e.path().startsWith("/v1/")) {
                exchanges.add(e);
            }
        });
        admin = new HubAdminClient(fixture.hub.url());
    }

    @AfterEach
    void stopHub() {
        fixture.close();
    }

    @Test
    void aListLongerThanOnePageIsFollowedThroughItsLinkHeaders() {
        ProvisioningProvider provider = fixture.wholesale();
        CustomerScope scope = provisionedCustomer(provider, "paged");
        for (int i = 0; i < 130; i++) {
            provider.createSubscriber(user(scope, "user" + i + "@paged.example.com"));
        }
        exchanges.clear();
        assertThat(provider.listSubscribers(scope, null)).hasSize(130);
        assertThat(exchanges).filteredOn(e -> e.path().equals("/v1/wholesale/subscribers")).hasSize(2);
    }

    @Test
    void aRefusedTokenIsAnAuthenticationErrorAndARefusedRequestCarriesTheProvidersCodeAndTrackingId() {
        assertThatThrownBy(() -> fixture.wholesale("wrong-token").probe())
                .isInstanceOf(ProviderAuthenticationException.class)
                .satisfies(e -> assertThat(((ProviderAuthenticationException) e).httpStatus()).isEqualTo(401));
        ProvisioningProvider provider = fixture.wholesale();
        CustomerScope scope = provisionedCustomer(provider, "refused");
        assertThatThrownBy(() -> provider.createSubscriber(new SubscriberRequest(scope, null, null,
                "nophone@refused.example.com", "No", "Phone", "webex_calling", null, null, null)))
                .isInstanceOfSatisfying(ProviderRejectedException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.errors()).singleElement().satisfies(err -> {
                        assertThat(err.code()).isEqualTo("1004");
                        assertThat(err.description()).contains("primaryPhoneNumber or an extension");
                        assertThat(err.trackingId()).startsWith("LOCALHUB_");
                    });
                });
    }

    @Test
    void a429WithRetryAfterIsWaitedOutAndTheCallSucceeds() {
        ProvisioningProvider provider = fixture.wholesale();
        admin.addFault(fault("GET", "/v1/wholesale/customers", 429).put("retryAfterSeconds", 1).put("times", 1));
        long start = System.nanoTime();
        provider.probe();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        assertThat(exchanges).extracting(RecordedExchange::status).containsExactly(429, 200);
    }

    @Test
    void aRetryAfterLongerThanTheClientWaitsIsHandedToTheCaller() {
        ProvisioningProvider provider = fixture.wholesale();
        admin.addFault(fault("GET", "/v1/wholesale/customers", 429).put("retryAfterSeconds", 120));
        assertThatThrownBy(provider::probe).isInstanceOfSatisfying(ProviderUnavailableException.class,
                e -> assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(120)));
        assertThat(exchanges).hasSize(1);
    }

    @Test
    void serverErrorsOnReadsAreRetriedAFewTimesThenReported() {
        ProvisioningProvider provider = fixture.wholesale();
        admin.addFault(fault("GET", "/v1/wholesale/customers", 503).put("times", 2));
        provider.probe();
        admin.addFault(fault("GET", "/v1/wholesale/customers", 500).put("times", 10));
        assertThatThrownBy(provider::probe).isInstanceOf(ProviderUnavailableException.class);
        assertThat(exchanges).filteredOn(e -> e.status() == 500).hasSize(4);
    }

    @Test
    void aCreateWhoseReplyIsLostIsNotRepeatedAndIsFoundByItsKey() {
        ProvisioningProvider provider = fixture.wholesale();
        CustomerScope scope = provisionedCustomer(provider, "lost");
        admin.addFault(fault("POST", "/v1/wholesale/subscribers", 0).put("lostReply", true));
        assertThatThrownBy(() -> provider.createSubscriber(user(scope, "lost@lost.example.com")))
                .isInstanceOf(ProviderUnavailableException.class);
        assertThat(exchanges).filteredOn(e -> e.method().equals("POST") && e.path().equals("/v1/wholesale/subscribers"))
                .hasSize(1);
        assertThat(provider.listSubscribers(scope, null)).extracting(s -> s.email())
                .containsExactly("lost@lost.example.com");
    }

    private CustomerScope provisionedCustomer(ProvisioningProvider provider, String name) {
        String id = provider.createCustomer(HubFixture.customer(name, "webex_calling", "webex_meetings"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "provisioned".equals(provider.getCustomer(id).orElseThrow().status()));
        return new CustomerScope(id, null);
    }

    private static SubscriberRequest user(CustomerScope scope, String email) {
        return new SubscriberRequest(scope, null, null, email, "First", "Last", "webex_meetings", null, null, null);
    }

    private static ObjectNode fault(String method, String pathPrefix, int status) {
        return new ObjectMapper().createObjectNode().put("method", method).put("pathPrefix", pathPrefix)
                .put("status", status);
    }
}
