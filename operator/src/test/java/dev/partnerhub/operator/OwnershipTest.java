package dev.partnerhub.operator;

import static dev.partnerhub.operator.Fixtures.user;
import static dev.partnerhub.operator.Fixtures.wholesaleCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.DeletionPolicy;
import dev.partnerhub.api.v1alpha1.WebexModel;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.providers.spi.model.CustomerScope;
import dev.partnerhub.providers.spi.model.UserRequest;
import dev.partnerhub.sandbox.RecordedExchange;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The ownership contract: a resource acts only on the remote object whose ID it recorded (or its own create), a
 * refused resource sends nothing, an existing object is taken over only with adoptExisting, and keys are unique.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@WithTestResource(LocalHubResource.class)
class OwnershipTest extends OperatorTestSupport {

    private static final String CREATE_SUBSCRIBER = "POST /v1/wholesale/subscribers";

    @BeforeEach
    void connectToTheHub() {
        connect("hub", WebexModel.WHOLESALE);
    }

    @Test
    void aCustomerRefusedTheConnectionSendsNothingAndItsDeletionLeavesTheOwnersCustomerAlone() {
        Customer acme = wholesaleCustomer(namespace, "acme", "hub", "webex_meetings");
        apply(acme);
        String acmeId = awaitCondition(Customer.class, "acme", Conditions.READY, "True").getStatus().getCustomerId();
        for (String name : List.of("ann", "ben", "cal")) {
            apply(user(namespace, name, "acme", name + "@acme.example.com", "webex_meetings", null));
            awaitCondition(CustomerUser.class, name, Conditions.READY, "True");
        }
        String tenant = "tenant-x-" + UUID.randomUUID().toString().substring(0, 6);
        client.resource(new NamespaceBuilder().withNewMetadata().withName(tenant).endMetadata().build()).create();
        int since = LocalHubResource.EXCHANGES.size();

        Customer intruder = wholesaleCustomer(tenant, "acme", "hub", "webex_meetings");
        intruder.getSpec().setExternalId(acme.getSpec().getExternalId());
        intruder.getSpec().getConnectionRef().setNamespace(namespace);
        client.resource(intruder).create();
        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> assertThat(condition(client
                .resources(Customer.class).inNamespace(tenant).withName("acme").get(), Conditions.STALLED).getReason())
                .isEqualTo("ConnectionNotAllowed"));
        client.resources(Customer.class).inNamespace(tenant).withName("acme").delete();
        await().atMost(TIMEOUT).until(() -> client.resources(Customer.class).inNamespace(tenant).withName("acme")
                .get() == null);

        assertThat(customerCallsSince(since)).as("requests about customers, or any write, since the intruder").isEmpty();
        assertThat(hubRecords("wholesaleCustomers")).anyMatch(c -> acmeId.equals(c.path("id").asText()));
        assertThat(hubSubscribersOf(acmeId)).hasSize(3);
        assertThat(condition(customer("acme"), Conditions.READY).getStatus()).isEqualTo("True");
    }

    @Test
    void createsWhoseRepliesAreLostMakeOneSubscriberEachAndNoAlreadyExists() {
        String customerId = readyCustomer("lossy");
        hub().addFault(new ObjectMapper().createObjectNode().put("method", "POST")
                .put("pathPrefix", "/v1/wholesale/subscribers").put("lostReply", true).put("times", 5));
        List<String> names = List.of("u1", "u2", "u3", "u4", "u5");
        names.forEach(n -> apply(user(namespace, n, "lossy", n + "@lossy.example.com", "webex_meetings", null)));
        for (String name : names) {
            CustomerUser u = awaitCondition(CustomerUser.class, name, Conditions.READY, "True");
            assertThat(u.getStatus().getCreatePending()).isNull();
        }
        assertThat(hubSubscribersOf(customerId)).extracting(s -> s.path("email").asText())
                .containsExactlyInAnyOrder("u1@lossy.example.com", "u2@lossy.example.com", "u3@lossy.example.com",
                        "u4@lossy.example.com", "u5@lossy.example.com");
        assertThat(LocalHubResource.EXCHANGES).filteredOn(e -> e.method().equals("POST")
                && e.path().equals("/v1/wholesale/subscribers") && e.requestBody().contains(customerId)).hasSize(5);
    }

    @Test
    void aRepeatedCreateRefusedBecauseTheFirstWentThroughKeepsItsPendingCreateAndClaimsItsSubscriber() {
        String customerId = readyCustomer("laggy");
        int since = LocalHubResource.EXCHANGES.size();
        // The first create goes through and its reply is lost; the list lags 8 s behind, so the second create is
        // refused as existing (409) while no list shows the subscriber yet.
        hub().addFault(new ObjectMapper().createObjectNode().put("method", "POST")
                .put("pathPrefix", "/v1/wholesale/subscribers").put("lostReply", true).put("times", 1));
        hub().addFault(new ObjectMapper().createObjectNode().put("method", "GET")
                .put("pathPrefix", "/v1/wholesale/subscribers").put("listLagMs", 8000).put("seconds", 40));

        apply(user(namespace, "lee", "laggy", "lee@laggy.example.com", "webex_meetings", null));

        CustomerUser lee = awaitCondition(CustomerUser.class, "lee", Conditions.READY, "True");
        assertThat(hubSubscribersOf(customerId)).extracting(s -> s.path("id").asText())
                .containsExactly(lee.getStatus().getUserId());
        assertThat(lee.getStatus().getCreatePending()).isNull();
        assertThat(LocalHubResource.EXCHANGES.subList(since, LocalHubResource.EXCHANGES.size()))
                .as("a repeated create refused as existing").anyMatch(e -> e.method().equals("POST")
                        && e.path().equals("/v1/wholesale/subscribers") && e.status() == 409);
    }

    @Test
    void aSubscriberMadeOutsideTheOperatorIsRefusedThenAdoptedWithoutACreateAndOrphanLeavesIt() {
        String customerId = readyCustomer("outside");
        String subscriberId = TestProviders.webex("wholesale", hubUrl + "/v1", LocalHubResource.hub.token()).users()
                .create(new CustomerScope(customerId), new UserRequest("pat@outside.example.com",
                        "pat@outside.example.com", "Pat", "Portal", null, "webex_meetings", null, null, null, null, null,
                        null)).id();

        apply(user(namespace, "pat", "outside", "pat@outside.example.com", "webex_meetings", null));
        CustomerUser pat = awaitCondition(CustomerUser.class, "pat", Conditions.STALLED, "True");
        assertThat(condition(pat, Conditions.STALLED).getReason()).isEqualTo("AlreadyExists");
        assertThat(condition(pat, Conditions.STALLED).getMessage()).contains("pat@outside.example.com")
                .contains(subscriberId).contains("spec.adoptExisting: true");
        assertThat(pat.getStatus().getUserId()).isNull();
        // (A list read just before the other create may miss it: then the provider refuses ours, and we look again.)
        long creates = hub().requests(CREATE_SUBSCRIBER);

        edit(CustomerUser.class, "pat", u -> u.getSpec().setAdoptExisting(true));
        pat = awaitCondition(CustomerUser.class, "pat", Conditions.READY, "True");
        assertThat(pat.getStatus().getUserId()).isEqualTo(subscriberId);
        assertThat(hub().requests(CREATE_SUBSCRIBER)).isEqualTo(creates);
        assertThat(hubSubscribersOf(customerId)).extracting(s -> s.path("id").asText()).containsExactly(subscriberId);

        edit(CustomerUser.class, "pat", u -> u.getSpec().setDeletionPolicy(DeletionPolicy.Orphan));
        deleteAndAwaitGone(CustomerUser.class, "pat");
        assertThat(hubSubscribersOf(customerId)).extracting(s -> s.path("id").asText()).containsExactly(subscriberId);
    }

    @Test
    void aSecondUserWithTheSameEmailIsRefusedNamingTheFirstAndTheHubIsUnchanged() {
        String customerId = readyCustomer("twins");
        apply(user(namespace, "first", "twins", "same@twins.example.com", "webex_meetings", null));
        awaitCondition(CustomerUser.class, "first", Conditions.READY, "True");
        long creates = hub().requests(CREATE_SUBSCRIBER);

        apply(user(namespace, "second", "twins", "Same@Twins.example.com", "webex_calling", "+12405559001"));
        CustomerUser second = awaitCondition(CustomerUser.class, "second", Conditions.STALLED, "True");
        assertThat(condition(second, Conditions.STALLED).getReason()).isEqualTo("DuplicateUser");
        assertThat(condition(second, Conditions.STALLED).getMessage()).contains("spec.email")
                .contains("CustomerUser first");
        assertThat(hub().requests(CREATE_SUBSCRIBER)).isEqualTo(creates);
        assertThat(hubSubscribersOf(customerId)).singleElement()
                .satisfies(s -> assertThat(s.path("package").asText()).isEqualTo("webex_meetings"));
    }

    @Test
    void aSecondCustomerWithTheSameExternalIdOnTheConnectionIsRefusedNamingTheFirst() {
        Customer first = wholesaleCustomer(namespace, "first", "hub", "webex_meetings");
        apply(first);
        awaitCondition(Customer.class, "first", Conditions.READY, "True");
        Customer second = wholesaleCustomer(namespace, "second", "hub", "webex_meetings");
        second.getSpec().setExternalId(first.getSpec().getExternalId());
        apply(second);
        Customer refused = awaitCondition(Customer.class, "second", Conditions.STALLED, "True");
        assertThat(condition(refused, Conditions.STALLED).getReason()).isEqualTo("DuplicateCustomer");
        assertThat(condition(refused, Conditions.STALLED).getMessage()).contains("spec.externalId")
                .contains(namespace + "/first");
        assertThat(hubRecords("wholesaleCustomers")).filteredOn(c -> first.getSpec().getExternalId()
                .equals(c.path("externalId").asText())).hasSize(1);
    }

    private String readyCustomer(String name) {
        apply(wholesaleCustomer(namespace, name, "hub", "webex_meetings", "webex_calling"));
        return awaitCondition(Customer.class, name, Conditions.READY, "True").getStatus().getCustomerId();
    }

    /** Every write, and every read of customers, the hub received since {@code index}. */
    private static List<RecordedExchange> customerCallsSince(int index) {
        return List.copyOf(LocalHubResource.EXCHANGES.subList(index, LocalHubResource.EXCHANGES.size())).stream()
                .filter(e -> e.path().startsWith("/v1/"))
                .filter(e -> !e.method().equals("GET") || e.path().startsWith("/v1/wholesale/customers"))
                .toList();
    }
}
