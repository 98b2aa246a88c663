package dev.partnerhub.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.WebexModel;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.sandbox.HubSettings;
import dev.partnerhub.sandbox.Json;
import dev.partnerhub.sandbox.RecordedExchange;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seed 003's detach order for a BroadWorks customer: its workspaces are among the Customer's undeclared objects, and
 * deleting the Customer removes them first, then the subscribers, then the pending users, then nothing is left.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@WithTestResource(LocalHubResource.class)
class BroadWorksDetachTest extends OperatorTestSupport {

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void connectToTheHub() {
        connect("bw", WebexModel.BROADWORKS);
    }

    @Test
    void workspacesShowAmongUndeclaredObjectsAndGoFirstThenSubscribersThenPendingUsers() throws Exception {
        String enterprise = "Reseller1+" + namespace;
        apply(Fixtures.broadworksCustomer(namespace, "stark", "bw", HubSettings.TRUSTED_TEMPLATE, enterprise));
        awaitCondition(Customer.class, "stark", Conditions.READY, "True");
        apply(Fixtures.broadworksUser(namespace, "tony", "stark", "tony@" + namespace + ".sp.example.com",
                "tony@stark.example.com", "standard", "1001"));
        awaitCondition(CustomerUser.class, "tony", Conditions.READY, "True");

        // Made in the portal: a workspace, a provisioned subscriber and one still waiting for its email.
        String room = post("/v1/broadworks/workspaces", Json.object().put("provisioningId", HubSettings.TRUSTED_TEMPLATE)
                .put("userId", "room1@" + namespace + ".sp.example.com").put("spEnterpriseId", enterprise)
                .put("displayName", "Board Room")).path("id").asText();
        String happy = post("/v1/broadworks/subscribers", subscriber(enterprise, "happy", HubSettings.TRUSTED_TEMPLATE)
                .put("email", "happy@stark.example.com")).path("id").asText();
        String pending = post("/v1/broadworks/subscribers", subscriber(enterprise, "pepper",
                HubSettings.UNTRUSTED_TEMPLATE)).path("id").asText();
        await().atMost(TIMEOUT).untilAsserted(() -> {
            var undeclared = customer("stark").getStatus().getUndeclared();
            assertThat(undeclared.getCount()).isEqualTo(2);
            assertThat(undeclared.getWorkspaces()).singleElement().satisfies(w -> {
                assertThat(w.getWorkspaceId()).isEqualTo(room);
                assertThat(w.getDisplayName()).isEqualTo("Board Room");
            });
        });

        await().atMost(TIMEOUT).until(() -> hubRecords("broadworksSubscribers").stream().anyMatch(b -> happy.equals(b
                .path("id").asText()) && "provisioned".equals(b.path("status").asText())));
        deleteAndAwaitGone(CustomerUser.class, "tony");
        int since = LocalHubResource.EXCHANGES.size();
        client.resources(Customer.class).inNamespace(namespace).withName("stark").delete();
        // The last step of the detach has no API: the Customer says what a person must do, and waits for them.
        Customer detaching = awaitCondition(Customer.class, "stark", Conditions.STALLED, "True");
        assertThat(condition(detaching, Conditions.STALLED).getReason()).isEqualTo("ManualStepRequired");
        assertThat(detaching.getStatus().getPendingAction()).contains("BroadWorks Calling", "Control Hub",
                "partnerhub.dev/detach-done");
        edit(Customer.class, "stark", c -> c.getMetadata().setAnnotations(java.util.Map.of("partnerhub.dev/detach-done",
                "done")));
        awaitGone(Customer.class, "stark");

        List<String> deletions = List.copyOf(LocalHubResource.EXCHANGES.subList(since,
                LocalHubResource.EXCHANGES.size())).stream().filter(e -> e.method().equals("DELETE"))
                .map(RecordedExchange::path).toList();
        assertThat(deletions).containsExactly("/v1/broadworks/workspaces/" + room,
                "/v1/broadworks/subscribers/" + happy, "/v1/broadworks/subscribers/" + pending);
        assertThat(hubRecords("broadworksWorkspaces")).noneMatch(w -> enterprise.equals(w.path("spEnterpriseId")
                .asText()));
        assertThat(hubRecords("broadworksEnterprises")).noneMatch(e -> enterprise.equals(e.path("spEnterpriseId")
                .asText()));
    }

    @Test
    void anAccountWithoutTheWorkspaceListStillShowsItsUndeclaredUsers() throws Exception {
        // Cisco documents no list of workspaces: against a real account the local hub's own endpoint is missing.
        hub().addFault(Json.object().put("method", "GET").put("pathPrefix", "/v1/broadworks/workspaces")
                .put("status", 404).put("times", 1000));
        String enterprise = "Reseller1+" + namespace;
        apply(Fixtures.broadworksCustomer(namespace, "wayne", "bw", HubSettings.TRUSTED_TEMPLATE, enterprise));
        awaitCondition(Customer.class, "wayne", Conditions.READY, "True");
        apply(Fixtures.broadworksUser(namespace, "bruce", "wayne", "bruce@" + namespace + ".sp.example.com",
                "bruce@wayne.example.com", "standard", "1001"));
        awaitCondition(CustomerUser.class, "bruce", Conditions.READY, "True");
        post("/v1/broadworks/subscribers", subscriber(enterprise, "alfred", HubSettings.TRUSTED_TEMPLATE)
                .put("email", "alfred@wayne.example.com"));

        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> {
            var undeclared = customer("wayne").getStatus().getUndeclared();
            assertThat(undeclared.getCount()).isEqualTo(1);
            assertThat(undeclared.getWorkspaces()).isEmpty();
        });
    }

    private static ObjectNode subscriber(String enterprise, String name, String template) {
        return Json.object().put("provisioningId", template).put("userId", name + "@" + enterprise + ".sp.example.com")
                .put("spEnterpriseId", enterprise).put("firstName", name).put("lastName", "Portal")
                .put("package", "standard");
    }

    private JsonNode post(String path, ObjectNode body) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(hubUrl + path))
                .header("Authorization", "Bearer " + LocalHubResource.hub.token())
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString())).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isBetween(200, 202);
        return Json.MAPPER.readTree(response.body());
    }
}
