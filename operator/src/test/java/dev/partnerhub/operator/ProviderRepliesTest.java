package dev.partnerhub.operator;

import static dev.partnerhub.operator.Fixtures.user;
import static dev.partnerhub.operator.Fixtures.wholesaleCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.WebexModel;
import dev.partnerhub.operator.status.Conditions;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the operator does when the provider answers outside its contract: it reports it and creates nothing. */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@WithTestResource(LocalHubResource.class)
class ProviderRepliesTest extends OperatorTestSupport {

    private static final String CREATE_SUBSCRIBER = "POST /v1/wholesale/subscribers";
    private static final String LIST_SUBSCRIBERS = "GET /v1/wholesale/subscribers";

    @BeforeEach
    void connectToTheHub() {
        connect("hub", WebexModel.WHOLESALE);
    }

    @Test
    void aListAnsweredWithAnHtmlPageIsReportedAndNoCreateFollows() {
        apply(wholesaleCustomer(namespace, "acme", "hub", "webex_meetings"));
        String customerId = awaitCondition(Customer.class, "acme", Conditions.READY, "True").getStatus()
                .getCustomerId();
        long creates = hub().requests(CREATE_SUBSCRIBER);
        long lists = hub().requests(LIST_SUBSCRIBERS);
        hub().addFault(new ObjectMapper().createObjectNode().put("method", "GET")
                .put("pathPrefix", "/v1/wholesale/subscribers").put("malformed", "html").put("times", 1000));
        // The customer's next poll gets the HTML page: from then on no list the operator holds is fresh.
        await().atMost(TIMEOUT).until(() -> hub().requests(LIST_SUBSCRIBERS) > lists);

        apply(user(namespace, "alice", "acme", "alice@acme.example.com", "webex_meetings", null));
        CustomerUser alice = awaitCondition(CustomerUser.class, "alice", Conditions.SYNCED, "False");
        assertThat(condition(alice, Conditions.SYNCED).getMessage()).contains("is not the JSON the API documents");
        assertThat(alice.getStatus().getUserId()).isNull();
        assertThat(hub().requests(CREATE_SUBSCRIBER)).isEqualTo(creates);
        assertThat(hubSubscribersOf(customerId)).isEmpty();

        hub().clearFaults();
        awaitCondition(CustomerUser.class, "alice", Conditions.READY, "True");
        assertThat(hubSubscribersOf(customerId)).hasSize(1);
    }

    @Test
    void aProviderThatAnswersEverythingWithSomeoneElsesObjectLeavesEveryResourceFailingAndNothingRecorded() {
        apply(wholesaleCustomer(namespace, "acme", "hub", "webex_meetings"));
        awaitCondition(Customer.class, "acme", Conditions.READY, "True");
        hub().addFault(new ObjectMapper().createObjectNode().put("pathPrefix", "/v1/wholesale")
                .put("malformed", "canned").put("times", 100_000));
        apply(wholesaleCustomer(namespace, "globex", "hub", "webex_meetings"));
        apply(user(namespace, "zoe", "acme", "zoe@acme.example.com", "webex_meetings", null));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            Customer globex = customer("globex");
            assertThat(condition(globex, Conditions.SYNCED).getStatus()).isEqualTo("False");
            assertThat(condition(globex, Conditions.SYNCED).getMessage()).contains("it is not");
            CustomerUser zoe = customerUser("zoe");
            assertThat(condition(zoe, Conditions.SYNCED).getStatus()).isEqualTo("False");
            assertThat(condition(zoe, Conditions.SYNCED).getMessage()).contains("it is not used");
            assertThat(condition(zoe, Conditions.READY).getStatus()).isNotEqualTo("True");
        });
        Customer failing = customer("globex");
        assertThat(condition(failing, Conditions.READY).getStatus()).isNotEqualTo("True");
        assertThat(failing.getStatus().getCustomerId()).as("someone else's customer is never recorded").isNull();
        assertThat(failing.getStatus().getOrgId()).isNull();
        assertThat(customerUser("zoe").getStatus().getUserId()).as("someone else's subscriber is never recorded")
                .isNull();

        hub().clearFaults();
        Customer globex = awaitCondition(Customer.class, "globex", Conditions.READY, "True");
        assertThat(hubRecords("wholesaleCustomers")).filteredOn(c -> c.path("externalId").asText()
                .equals(globex.getSpec().getExternalId())).singleElement()
                .satisfies(c -> assertThat(c.path("id").asText()).isEqualTo(globex.getStatus().getCustomerId()));
        CustomerUser zoe = awaitCondition(CustomerUser.class, "zoe", Conditions.READY, "True");
        assertThat(hubRecords("wholesaleSubscribers")).filteredOn(x -> x.path("email").asText()
                .equals("zoe@acme.example.com")).singleElement()
                .satisfies(x -> assertThat(x.path("id").asText()).isEqualTo(zoe.getStatus().getUserId()));
    }
}
