package dev.partnerhub.providers.webex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.providers.spi.errors.ProviderProtocolException;
import dev.partnerhub.providers.spi.http.RetryPolicy;
import dev.partnerhub.providers.spi.model.CustomerScope;
import dev.partnerhub.providers.spi.model.UserRequest;
import dev.partnerhub.sandbox.HubAdminClient;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Replies that are not what the API documents are errors, never an empty list or a missing ID: an empty list read
 * from an HTML page would make the operator create every user again.
 */
class WebexRepliesTest {

    private static final String SUBSCRIBERS = "/v1/wholesale/subscribers";

    private HubFixture fixture;
    private HubAdminClient admin;
    private Provider provider;
    private CustomerScope scope;

    @BeforeEach
    void customerWithTwoUsers() throws Exception {
        fixture = new HubFixture();
        admin = new HubAdminClient(fixture.hub.url());
        provider = fixture.wholesale();
        String id = provider.customers().create(HubFixture.customer("replies", "webex_meetings"));
        await().atMost(Duration.ofSeconds(30))
                .until(() -> "provisioned".equals(provider.customers().get(id).orElseThrow().status()));
        scope = new CustomerScope(id);
        provider.users().create(scope, user("ann@replies.example.com"));
        provider.users().create(scope, user("bob@replies.example.com"));
    }

    @AfterEach
    void stopHub() {
        fixture.close();
    }

    @Test
    void aListAnsweredWithAnHtmlPageIsAnErrorNotAnEmptyList() {
        admin.addFault(fault("GET", SUBSCRIBERS).put("malformed", "html").put("times", 10));
        assertThatThrownBy(() -> provider.users().list(scope, null))
                .isInstanceOf(ProviderProtocolException.class)
                .hasMessageContaining("is not the JSON the API documents").hasMessageContaining("text/html");
        admin.clearFaults();
        assertThat(provider.users().list(scope, null)).hasSize(2);
    }

    @Test
    void oneHtmlPageOnAReadIsRetriedAndTheWholeListArrives() {
        admin.addFault(fault("GET", SUBSCRIBERS).put("malformed", "html").put("times", 1));
        assertThat(provider.users().list(scope, null)).hasSize(2);
        assertThat(admin.requests("GET " + SUBSCRIBERS)).isEqualTo(2);
    }

    @Test
    void aTruncatedListIsAnError() {
        admin.addFault(fault("GET", SUBSCRIBERS).put("malformed", "truncated").put("times", 10));
        assertThatThrownBy(() -> provider.users().list(scope, null))
                .isInstanceOf(ProviderProtocolException.class).hasMessageContaining("is not the JSON");
    }

    @Test
    void aListWhoseItemsHaveNoIdsIsAnError() {
        admin.addFault(fault("GET", SUBSCRIBERS).put("malformed", "no_ids").put("times", 10));
        assertThatThrownBy(() -> provider.users().list(scope, null))
                .isInstanceOf(ProviderProtocolException.class).hasMessageContaining("subscriber has no id");
    }

    @Test
    void aCreateAnsweredWithoutTheIdIsAnErrorAndIsNotRepeated() {
        admin.resetRequests();
        admin.addFault(fault("POST", SUBSCRIBERS).put("malformed", "no_ids"));
        assertThatThrownBy(() -> provider.users().create(scope, user("cid@replies.example.com")))
                .isInstanceOf(ProviderProtocolException.class).hasMessageContaining("subscriber has no id");
        assertThat(admin.requests("POST " + SUBSCRIBERS)).isEqualTo(1);
        assertThat(provider.users().list(scope, null)).extracting(s -> s.email())
                .contains("cid@replies.example.com");
    }

    @Test
    void someoneElsesObjectInEveryReplyIsAnErrorNeverAnIdToRecord() {
        admin.addFault(fault(null, "/v1/").put("malformed", "canned").put("times", 100));
        assertThatThrownBy(() -> provider.customers().get(scope.id())).isInstanceOf(ProviderProtocolException.class)
                .hasMessageContaining("asked for customer " + scope.id());
        assertThatThrownBy(() -> provider.users().list(scope, null)).isInstanceOf(ProviderProtocolException.class)
                .hasMessageContaining("the subscribers of " + scope.id());
        assertThatThrownBy(() -> provider.users().create(scope, user("dee@replies.example.com")))
                .isInstanceOf(ProviderProtocolException.class)
                .hasMessageContaining("asked for subscriber dee@replies.example.com");
        assertThatThrownBy(() -> provider.customers().create(HubFixture.customer("elsewhere", "webex_meetings")))
                .isInstanceOf(ProviderProtocolException.class)
                .hasMessageContaining("https://elsewhere.example.com/v1/wholesale/customers/")
                .hasMessageContaining("is not a customer of " + fixture.hub.apiUrl());
        assertThatThrownBy(() -> provider.customers().find("replies")).isInstanceOf(ProviderProtocolException.class)
                .hasMessageContaining("asked for customer replies");
        admin.clearFaults();
        assertThat(provider.users().list(scope, null)).hasSize(3);
    }

    @Test
    @Timeout(60)
    void aReplyThatStallsMidBodyTimesOut() {
        Provider impatient = fixture.provider("wholesale", fixture.hub.token(), new RetryPolicy(2,
                Duration.ofMillis(20), Duration.ofMillis(100), Duration.ofSeconds(2), Duration.ofSeconds(1)));
        admin.addFault(fault("GET", SUBSCRIBERS).put("stallMs", 20_000).put("times", 2));
        assertThatThrownBy(() -> impatient.users().list(scope, null))
                .isInstanceOf(ProviderProtocolException.class).hasMessageContaining("no complete reply within 1 s");
    }

    private static UserRequest user(String email) {
        return HubFixture.user(email, "webex_meetings", null);
    }

    private static ObjectNode fault(String method, String pathPrefix) {
        return new ObjectMapper().createObjectNode().put("method", method).put("pathPrefix", pathPrefix);
    }
}
