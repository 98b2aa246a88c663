package dev.partnerhub.operator;

import static dev.partnerhub.operator.Fixtures.user;
import static dev.partnerhub.operator.Fixtures.wholesaleCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.WebexModel;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.sandbox.RecordedExchange;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The mock API has no admission, so the CRDs' rules do not run: the reconciler refuses the same edits of the
 * fields that identify a resource, sends nothing to the hub for it, and still deletes what it was bound to.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@WithTestResource(LocalHubResource.class)
class ImmutableFieldsTest extends OperatorTestSupport {

    @BeforeEach
    void connectToTheHub() {
        connect("hub", WebexModel.WHOLESALE);
    }

    @Test
    void anEditOfCustomerRefIsRefusedWithNothingSentAndDeletionStillRemovesTheBoundSubscriber() {
        String acmeId = readyCustomer("acme");
        String globexId = readyCustomer("globex");
        apply(user(namespace, "alice", "acme", "alice@acme.example.com", "webex_meetings", null));
        String subscriberId = awaitCondition(CustomerUser.class, "alice", Conditions.READY, "True").getStatus()
                .getUserId();
        assertThat(customerUser("alice").getStatus().getCreatedWith()).containsEntry("spec.customerRef.name", "acme");

        int before = LocalHubResource.EXCHANGES.size();
        edit(CustomerUser.class, "alice", u -> u.getSpec().getCustomerRef().setName("globex"));
        CustomerUser alice = awaitCondition(CustomerUser.class, "alice", Conditions.STALLED, "True");
        assertThat(condition(alice, Conditions.STALLED).getReason()).isEqualTo("ImmutableFieldChanged");
        assertThat(condition(alice, Conditions.STALLED).getMessage()).contains("spec.customerRef.name")
                .contains("it was acme, now globex").contains("Set it back to acme");
        assertThat(writesSince(before, acmeId, globexId, subscriberId)).isEmpty();
        assertThat(hubSubscribersOf(acmeId)).extracting(s -> s.path("id").asText()).containsExactly(subscriberId);
        assertThat(hubSubscribersOf(globexId)).isEmpty();

        deleteAndAwaitGone(CustomerUser.class, "alice");
        assertThat(hubSubscribersOf(acmeId)).isEmpty();
        assertThat(hubSubscribersOf(globexId)).isEmpty();
    }

    @Test
    void anEditOfACustomersConnectionOrExternalIdIsRefusedAndSettingItBackConvergesAgain() {
        readyCustomer("initech");
        String externalId = customer("initech").getSpec().getExternalId();
        int customersBefore = hubRecords("wholesaleCustomers").size();

        edit(Customer.class, "initech", c -> {
            c.getSpec().getConnectionRef().setName("another-hub");
            c.getSpec().setExternalId("initech-renamed");
        });
        Customer initech = awaitCondition(Customer.class, "initech", Conditions.STALLED, "True");
        assertThat(condition(initech, Conditions.STALLED).getReason()).isEqualTo("ImmutableFieldChanged");
        assertThat(condition(initech, Conditions.STALLED).getMessage())
                .contains("spec.connectionRef.name: cannot change after creation (it was hub, now another-hub)")
                .contains("spec.externalId: cannot change after creation (it was " + externalId);
        assertThat(hubRecords("wholesaleCustomers")).hasSize(customersBefore);

        edit(Customer.class, "initech", c -> {
            c.getSpec().getConnectionRef().setName("hub");
            c.getSpec().setExternalId(externalId);
        });
        awaitCondition(Customer.class, "initech", Conditions.READY, "True");
        assertThat(hubRecords("wholesaleCustomers")).hasSize(customersBefore);
    }

    private String readyCustomer(String name) {
        apply(wholesaleCustomer(namespace, name, "hub", "webex_meetings"));
        return awaitCondition(Customer.class, name, Conditions.READY, "True").getStatus().getCustomerId();
    }

    /** The writes (anything but GET) the hub received since {@code index} about any of these IDs. */
    private static List<RecordedExchange> writesSince(int index, String... ids) {
        List<RecordedExchange> since = List.copyOf(LocalHubResource.EXCHANGES.subList(index,
                LocalHubResource.EXCHANGES.size()));
        return since.stream().filter(e -> !e.method().equals("GET"))
                .filter(e -> List.of(ids).stream().anyMatch(id -> e.path().contains(id)
                        || e.requestBody() != null && e.requestBody().contains(id)))
                .toList();
    }
}
