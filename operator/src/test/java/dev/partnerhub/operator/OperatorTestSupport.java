package dev.partnerhub.operator;

import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partnerhub.api.v1alpha1.ConditionedStatus;
import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.PartnerConnection;
import dev.partnerhub.api.v1alpha1.WebexModel;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.sandbox.HubAdminClient;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import jakarta.inject.Inject;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** What every reconciler test needs: a namespace of its own, a connection to the local hub, waits and lookups. */
abstract class OperatorTestSupport {

    static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final int MAX_EDIT_ATTEMPTS = 10;

    @Inject
    KubernetesClient client;

    @ConfigProperty(name = "test.hub.url")
    String hubUrl;

    final String namespace = "t-" + UUID.randomUUID().toString().substring(0, 8);

    /** As in a cluster, the test's namespace exists before anything in it. */
    @BeforeEach
    void createNamespace() {
        client.resource(new NamespaceBuilder().withNewMetadata().withName(namespace).endMetadata().build()).create();
    }

    /** A fault a test injected never outlives it. */
    @AfterEach
    void clearHubFaults() {
        hub().clearFaults();
    }

    /** No test leaves a credential in a status, an Event or the log. */
    @AfterEach
    void noCredentialGotOut() throws java.io.IOException {
        CredentialScan.assertNoCredentialOut(client, namespace);
    }

    HubAdminClient hub() {
        return new HubAdminClient(hubUrl);
    }

    void connect(String name, WebexModel model) {
        client.resource(Fixtures.tokenSecret(namespace, LocalHubResource.hub.token())).create();
        client.resource(Fixtures.connection(namespace, name, hubUrl + "/v1", model)).create();
        awaitCondition(PartnerConnection.class, name, Conditions.READY, "True");
    }

    <T extends HasMetadata> T get(Class<T> type, String name) {
        return client.resources(type).inNamespace(namespace).withName(name).get();
    }

    <T extends HasMetadata> T apply(T resource) {
        return client.resource(resource).create();
    }

    /**
     * Changes a resource as a person does with {@code kubectl edit}: when the write conflicts with one of the
     * operator's (409, the resource version moved on), read the resource again and make the same change.
     */
    <T extends HasMetadata> T edit(Class<T> type, String name, Consumer<T> change) {
        return edit(type, namespace, name, change);
    }

    <T extends HasMetadata> T edit(Class<T> type, String inNamespace, String name, Consumer<T> change) {
        for (int attempt = 1; ; attempt++) {
            try {
                return client.resources(type).inNamespace(inNamespace).withName(name).edit(r -> {
                    change.accept(r);
                    return r;
                });
            } catch (KubernetesClientException e) {
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT || attempt == MAX_EDIT_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    <T extends CustomResource<?, ? extends ConditionedStatus>> T awaitCondition(Class<T> type, String name,
            String conditionType, String value) {
        await().atMost(TIMEOUT).untilAsserted(() -> {
            T resource = get(type, name);
            org.assertj.core.api.Assertions.assertThat(resource).as(type.getSimpleName() + " " + name).isNotNull();
            org.assertj.core.api.Assertions.assertThat(condition(resource, conditionType).getStatus())
                    .as(type.getSimpleName() + " " + name + " " + conditionType + " (" + resource.getStatus() + ")")
                    .isEqualTo(value);
        });
        return get(type, name);
    }

    static Condition condition(CustomResource<?, ? extends ConditionedStatus> resource, String type) {
        ConditionedStatus status = resource.getStatus();
        return Conditions.find(status == null ? List.of() : status.getConditions(), type)
                .orElse(new io.fabric8.kubernetes.api.model.ConditionBuilder().withType(type).withStatus("Unknown").build());
    }

    void awaitGone(Class<? extends HasMetadata> type, String name) {
        await().atMost(TIMEOUT).until(() -> get(type, name) == null);
    }

    /** The hub's records of one kind (wholesaleCustomers, wholesaleSubscribers, broadworksSubscribers, ...). */
    List<JsonNode> hubRecords(String kind) {
        return StreamSupport.stream(hub().state().path(kind).spliterator(), false).toList();
    }

    /** The person IDs holding a licence (by name) in an org of the hub. */
    List<String> holders(String orgId, String license) {
        return hubRecords("licenses").stream().filter(l -> orgId.equals(l.path("orgId").asText())
                && license.equals(l.path("name").asText())).findFirst()
                .map(l -> StreamSupport.stream(l.path("holders").spliterator(), false).map(JsonNode::asText).toList())
                .orElse(List.of());
    }

    List<JsonNode> hubSubscribersOf(String customerId) {
        return hubRecords("wholesaleSubscribers").stream()
                .filter(s -> customerId.equals(s.path("customerId").asText())).toList();
    }

    void deleteAndAwaitGone(Class<? extends HasMetadata> type, String name) {
        client.resources(type).inNamespace(namespace).withName(name).delete();
        awaitGone(type, name);
    }

    Customer customer(String name) {
        return get(Customer.class, name);
    }

    CustomerUser customerUser(String name) {
        return get(CustomerUser.class, name);
    }
}
