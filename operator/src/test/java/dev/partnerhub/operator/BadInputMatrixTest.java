package dev.partnerhub.operator;

import static dev.partnerhub.operator.Fixtures.assignment;
import static dev.partnerhub.operator.Fixtures.labelled;
import static dev.partnerhub.operator.Fixtures.user;
import static dev.partnerhub.operator.Fixtures.wholesaleCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partnerhub.api.v1alpha1.ConditionedStatus;
import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.LicenseAssignment;
import dev.partnerhub.api.v1alpha1.LicenseMode;
import dev.partnerhub.api.v1alpha1.PartnerConnection;
import dev.partnerhub.api.v1alpha1.WebexModel;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.sandbox.RecordedExchange;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.CustomResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each bad input of {@link BadInputs}, made beside a converged customer: the resource it concerns says so in the
 * expected condition, with the expected reason and a message naming the field (never a bare exception), and nothing
 * provisioned changes: the base customer, its user's subscriber and the licence holders are as they were, and a
 * refusal the operator makes itself sends no write to the provider. The base is made once, in the first case's
 * namespace, and every case makes its "bad" resource there and removes it after.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@WithTestResource(LocalHubResource.class)
class BadInputMatrixTest extends OperatorTestSupport {

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final List<Class<? extends HasMetadata>> KINDS = List.of(LicenseAssignment.class,
            CustomerUser.class, Customer.class, PartnerConnection.class, Secret.class);

    /** The converged base: its namespace, its customer's ID and org. */
    private record Base(String namespace, String customerId, String orgId) {
    }

    private static Base base;

    static Stream<BadInputs.Case> cases() {
        return BadInputs.all();
    }

    /** The namespace of the base, where each case makes its resource. */
    String base() {
        return base.namespace();
    }

    /** The base customer's externalId. */
    String baseExternalId() {
        return "base-" + base.namespace();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void isReportedNamingTheFieldAndNothingProvisionedChanges(BadInputs.Case bad) {
        if (base == null) {
            base = converge();
        }
        List<JsonNode> provisioned = provisioned();
        int since = LocalHubResource.EXCHANGES.size();

        bad.make().accept(this);

        await().atMost(TIMEOUT).untilAsserted(() -> {
            CustomResource<?, ?> resource = client.resources(bad.kind()).inNamespace(base()).withName("bad").get();
            assertThat(resource).isNotNull();
            ConditionedStatus status = (ConditionedStatus) resource.getStatus();
            Condition c = Conditions.find(status == null ? null : status.getConditions(), bad.condition())
                    .orElse(null);
            assertThat(c).as(bad.condition() + " of " + status).isNotNull();
            assertThat(c.getReason()).as(c.getMessage()).isEqualTo(bad.reason());
            if (bad.says().length > 0) {
                assertThat(c.getMessage()).contains(bad.says());
            }
        });
        assertThat(provisioned()).as("the base customer, its user's subscriber and the licence's holders")
                .isEqualTo(provisioned);
        assertThat(hubSubscribersOf(base.customerId())).as("one subscriber per email")
                .extracting(sub -> sub.path("email").asText().toLowerCase(java.util.Locale.ROOT)).doesNotHaveDuplicates();
        if (bad.local()) {
            assertThat(LocalHubResource.EXCHANGES.subList(since, LocalHubResource.EXCHANGES.size()))
                    .as("writes to the provider").filteredOn(e -> WRITES.contains(e.method())
                            && e.path().startsWith("/v1/")).extracting(RecordedExchange::path).isEmpty();
        }
    }

    /** Each case's resources go; the base stays. */
    @AfterEach
    void removeTheBadOnes() throws java.io.IOException {
        hub().clearFaults();
        for (Class<? extends HasMetadata> kind : KINDS) {
            String name = kind == Secret.class ? "bad-token" : "bad";
            client.resources(kind).inNamespace(base()).withName(name).delete();
            await().atMost(TIMEOUT).until(() -> client.resources(kind).inNamespace(base()).withName(name).get()
                    == null);
        }
        CredentialScan.assertNoCredentialOut(client, base());
    }

    private Base converge() {
        connect("hub", WebexModel.WHOLESALE);
        base = new Base(namespace, null, null);
        Customer customer = wholesaleCustomer(namespace, "base", "hub", "webex_meetings");
        customer.getSpec().setExternalId(baseExternalId());
        apply(customer);
        Customer ready = awaitCondition(Customer.class, "base", Conditions.READY, "True");
        apply(labelled(user(namespace, "ann", "base", "ann@" + namespace + ".example.com", "webex_meetings", null),
                Map.of("team", "base")));
        awaitCondition(CustomerUser.class, "ann", Conditions.READY, "True");
        String orgId = ready.getStatus().getOrgId();
        hub().setSeats(orgId, BadInputs.LICENCE, 5);
        apply(assignment(namespace, "base-licence", "base", BadInputs.LICENCE, LicenseMode.Additive, List.of("ann"),
                null));
        await().atMost(TIMEOUT).until(() -> holders(orgId, BadInputs.LICENCE).size() == 1);
        awaitCondition(LicenseAssignment.class, "base-licence", Conditions.READY, "True");
        return new Base(namespace, ready.getStatus().getCustomerId(), orgId);
    }

    /** The base customer as the hub holds it, ann's subscriber, and the holders of the base licence. */
    private List<JsonNode> provisioned() {
        String annId = client.resources(CustomerUser.class).inNamespace(base()).withName("ann").get().getStatus()
                .getUserId();
        JsonNode customer = hubRecords("wholesaleCustomers").stream().filter(c -> base.customerId().equals(
                c.path("id").asText())).findFirst().orElseThrow();
        JsonNode ann = hubSubscribersOf(base.customerId()).stream().filter(s -> annId.equals(s.path("id").asText()))
                .findFirst().orElseThrow();
        return List.of(customer, ann, new ObjectMapper().valueToTree(holders(base.orgId(), BadInputs.LICENCE)));
    }
}
