package dev.partnerhub.operator;

import static dev.partnerhub.operator.Fixtures.user;
import static dev.partnerhub.operator.Fixtures.wholesaleCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.PartnerConnection;
import dev.partnerhub.api.v1alpha1.WebexModel;
import dev.partnerhub.operator.status.Conditions;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * A provider that answers nothing but server errors for a while: the connection says so and holds its calls, its
 * customers and users keep their last observed state without turning Stalled or rewriting their status on every
 * try, and all of them are Ready again by themselves once the provider answers.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@WithTestResource(LocalHubResource.class)
class OutageTest extends OperatorTestSupport {

    private static final int OUTAGE_SECONDS = 15;

    @Test
    void anOutageIsReportedOnceHoldsTheCallsAndClearsByItself() {
        connect("hub", WebexModel.WHOLESALE);
        apply(wholesaleCustomer(namespace, "acme", "hub", "webex_meetings"));
        awaitCondition(Customer.class, "acme", Conditions.READY, "True");
        apply(user(namespace, "alice", "acme", "alice@acme.example.com", "webex_meetings", null));
        String personId = awaitCondition(CustomerUser.class, "alice", Conditions.READY, "True").getStatus()
                .getPersonId();
        List<String> writes = new CopyOnWriteArrayList<>();
        Watch watch = client.resources(CustomerUser.class).inNamespace(namespace).withName("alice")
                .watch(new Watcher<>() {
                    @Override
                    public void eventReceived(Action action, CustomerUser u) {
                        var synced = u.getStatus() == null ? null
                                : Conditions.find(u.getStatus().getConditions(), Conditions.SYNCED).orElse(null);
                        writes.add(synced == null ? "none" : synced.getReason() + ": " + synced.getMessage());
                    }

                    @Override
                    public void onClose(WatcherException cause) {
                    }
                });

        hub().addFault(new ObjectMapper().createObjectNode().put("pathPrefix", "/v1/").put("status", 503)
                .put("seconds", OUTAGE_SECONDS));
        edit(CustomerUser.class, "alice", u -> u.getSpec().setLastName("Outage"));

        PartnerConnection down = awaitCondition(PartnerConnection.class, "hub", Conditions.READY, "False");
        assertThat(condition(down, Conditions.READY).getReason()).isEqualTo("ProviderUnavailable");
        assertThat(condition(down, Conditions.READY).getMessage()).contains("HTTP 503");
        assertThat(condition(down, Conditions.STALLED).getStatus()).isEqualTo("False");
        CustomerUser waiting = awaitCondition(CustomerUser.class, "alice", Conditions.SYNCED, "False");
        assertThat(condition(waiting, Conditions.SYNCED).getReason()).isEqualTo("ProviderUnavailable");
        assertThat(condition(waiting, Conditions.READY).getStatus()).as("its last observed state").isEqualTo("True");
        assertThat(condition(waiting, Conditions.STALLED).getStatus()).isEqualTo("False");
        Customer acme = customer("acme");
        assertThat(condition(acme, Conditions.READY).getStatus()).isEqualTo("True");
        assertThat(condition(acme, Conditions.STALLED).getStatus()).isEqualTo("False");
        // The watch sees that write too, perhaps a moment later: counting starts after it.
        await().atMost(TIMEOUT).until(() -> writes.stream().anyMatch(w -> w.startsWith("ProviderUnavailable")));
        int writesWhenDown = writes.indexOf(writes.stream().filter(w -> w.startsWith("ProviderUnavailable"))
                .findFirst().orElseThrow()) + 1;

        await().atMost(TIMEOUT).untilAsserted(() -> {
            assertThat(condition(client.resources(PartnerConnection.class).inNamespace(namespace).withName("hub")
                    .get(), Conditions.READY).getStatus()).isEqualTo("True");
            CustomerUser alice = customerUser("alice");
            assertThat(condition(alice, Conditions.SYNCED).getStatus()).isEqualTo("True");
            assertThat(hubRecords("people")).filteredOn(p -> personId.equals(p.path("id").asText()))
                    .singleElement().satisfies(p -> assertThat(p.path("lastName").asText()).isEqualTo("Outage"));
        });
        watch.close();
        assertThat(writes.subList(writesWhenDown, writes.size())).as("alice's writes from the outage to its end: %s",
                writes).noneMatch(w -> w.startsWith("ProviderUnavailable"));
        assertThat(condition(customer("acme"), Conditions.READY).getStatus()).isEqualTo("True");
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(condition(customer("acme"), Conditions.SYNCED)
                .getStatus()).as("the customer says so as soon as the provider answers").isEqualTo("True"));
        assertThat(customerUser("alice").getStatus().getLastRepair()).as("an edit held by an outage is not drift")
                .isNull();
    }
}
