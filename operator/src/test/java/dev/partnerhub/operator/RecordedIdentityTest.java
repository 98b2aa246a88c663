package dev.partnerhub.operator;

import static dev.partnerhub.operator.Fixtures.wholesaleCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.WebexModel;
import dev.partnerhub.operator.status.Conditions;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import org.junit.jupiter.api.Test;

/** What the operator recorded of its own objects is never lost to one reply. */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@WithTestResource(LocalHubResource.class)
class RecordedIdentityTest extends OperatorTestSupport {

    private static final String GET_CUSTOMER = "GET /v1/wholesale/customers/{customerId}";
    private static final String CREATE_CUSTOMER = "POST /v1/wholesale/customers";

    @Test
    void oneNotFoundOnTheRecordedCustomerKeepsItsIdAndItStaysItsOwn() {
        connect("hub", WebexModel.WHOLESALE);
        apply(wholesaleCustomer(namespace, "acme", "hub", "webex_meetings"));
        String id = awaitCondition(Customer.class, "acme", Conditions.READY, "True").getStatus().getCustomerId();
        long creates = hub().requests(CREATE_CUSTOMER);
        long reads = hub().requests(GET_CUSTOMER);
        hub().addFault(new ObjectMapper().createObjectNode().put("method", "GET")
                .put("pathPrefix", "/v1/wholesale/customers/" + id).put("status", 404).put("times", 1));

        // A spec change makes the Customer read its recorded customer at once (not from the partner's list).
        edit(Customer.class, "acme", c -> c.getSpec().setDisplayName("Acme Renamed"));
        await().atMost(TIMEOUT).until(() -> hub().requests(GET_CUSTOMER) > reads);
        await().atMost(TIMEOUT).untilAsserted(() -> {
            Customer acme = customer("acme");
            assertThat(acme.getStatus().getObservedGeneration()).isEqualTo(acme.getMetadata().getGeneration());
            assertThat(condition(acme, Conditions.READY).getStatus()).isEqualTo("True");
        });
        Customer acme = customer("acme");
        assertThat(acme.getStatus().getCustomerId()).as("the recorded ID").isEqualTo(id);
        assertThat(hub().requests(CREATE_CUSTOMER)).as("no customer made again").isEqualTo(creates);
        assertThat(hubRecords("wholesaleCustomers")).filteredOn(c -> c.path("externalId").asText()
                .equals(acme.getSpec().getExternalId())).singleElement()
                .satisfies(c -> assertThat(c.path("id").asText()).isEqualTo(id));
    }
}
