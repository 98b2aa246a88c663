package dev.partnerhub.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.PartnerConnection;
import dev.partnerhub.api.v1alpha1.WebexModel;
import dev.partnerhub.operator.status.Conditions;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** What a partner sees when the connection cannot be used: the field, the reason and the fix, and nothing created. */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@WithTestResource(LocalHubResource.class)
class ConnectionProblemsTest extends OperatorTestSupport {

    @Test
    void aRefusedTokenStallsTheConnectionItsCustomersWaitAndARotatedSecretIsPickedUpWithoutAnEdit() {
        client.resource(Fixtures.tokenSecret(namespace, "not-the-token")).create();
        apply(Fixtures.connection(namespace, "hub", hubUrl + "/v1", WebexModel.WHOLESALE));
        PartnerConnection hub = awaitCondition(PartnerConnection.class, "hub", Conditions.STALLED, "True");
        assertThat(condition(hub, Conditions.STALLED).getReason()).isEqualTo("CredentialsRejected");
        assertThat(condition(hub, Conditions.READY).getMessage()).contains("spec.credentialsSecretRef")
                .doesNotContain("not-the-token");
        int before = hubRecords("wholesaleCustomers").size();

        apply(Fixtures.wholesaleCustomer(namespace, "waiting", "hub", "webex_meetings"));
        Customer waiting = awaitCondition(Customer.class, "waiting", Conditions.READY, "False");
        assertThat(condition(waiting, Conditions.READY).getReason()).isEqualTo("ConnectionNotReady");
        assertThat(hubRecords("wholesaleCustomers")).hasSize(before);

        edit(io.fabric8.kubernetes.api.model.Secret.class, "hub-token", s -> {
            s.setData(null);
            s.setStringData(java.util.Map.of("token", LocalHubResource.hub.token()));
        });
        awaitCondition(PartnerConnection.class, "hub", Conditions.READY, "True");
        awaitCondition(Customer.class, "waiting", Conditions.READY, "True");
    }

    @Test
    void aTokenWithALineBreakIsRefusedBeforeAnyCallNamingTheSecretAndKeyAndItsValueIsNowhere() throws Exception {
        String first = "pasted-" + UUID.randomUUID();
        String second = UUID.randomUUID() + "-token";
        client.resource(Fixtures.tokenSecret(namespace, first + "\n" + second)).create();
        apply(Fixtures.connection(namespace, "hub", hubUrl + "/v1", WebexModel.WHOLESALE));
        PartnerConnection hub = awaitCondition(PartnerConnection.class, "hub", Conditions.STALLED, "True");
        assertThat(condition(hub, Conditions.STALLED).getReason()).isEqualTo("InvalidCredentials");
        assertThat(condition(hub, Conditions.STALLED).getMessage()).contains("Secret " + namespace + "/hub-token")
                .contains("key token").contains("line break");
        apply(Fixtures.wholesaleCustomer(namespace, "waiting", "hub", "webex_meetings"));
        Customer waiting = awaitCondition(Customer.class, "waiting", Conditions.READY, "False");
        assertThat(condition(waiting, Conditions.READY).getReason()).isEqualTo("ConnectionNotReady");

        String resources = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(List.of(
                client.resources(PartnerConnection.class).inNamespace(namespace).list().getItems(),
                client.resources(Customer.class).inNamespace(namespace).list().getItems(),
                client.v1().events().inNamespace(namespace).list().getItems()));
        String log = Files.readString(Path.of("target/operator-tests.log"), StandardCharsets.UTF_8);
        for (String part : List.of(first, second)) {
            assertThat(resources).as("statuses and events").doesNotContain(part);
            assertThat(log).as("the operator's log").doesNotContain(part);
        }
    }

    @Test
    void anAllowedNamespacesSelectorKubernetesWouldRefuseIsInvalidNamingTheField() {
        client.resource(Fixtures.tokenSecret(namespace, LocalHubResource.hub.token())).create();
        PartnerConnection connection = Fixtures.connection(namespace, "hub", hubUrl + "/v1", WebexModel.WHOLESALE);
        connection.getSpec().setAllowedNamespaces(new io.fabric8.kubernetes.api.model.LabelSelectorBuilder()
                .addNewMatchExpression().withKey("team").withOperator("In").endMatchExpression().build());
        apply(connection);
        PartnerConnection hub = awaitCondition(PartnerConnection.class, "hub", Conditions.STALLED, "True");
        assertThat(condition(hub, Conditions.STALLED).getReason()).isEqualTo("InvalidSpec");
        assertThat(condition(hub, Conditions.STALLED).getMessage())
                .isEqualTo("spec.allowedNamespaces.matchExpressions[0].values: In needs at least one value.");
    }

    @Test
    void anHttpEndpointOffThisMachineIsRefusedUnlessAllowedAndNothingIsSentThere() {
        client.resource(Fixtures.tokenSecret(namespace, LocalHubResource.hub.token())).create();
        // The hub, but named by a host that is not loopback (only looks like it): the token would cross a network in
        // clear.
        String clear = hubUrl.replace("127.0.0.1", "127.0.0.1.partnerhub.invalid") + "/v1";
        apply(Fixtures.connection(namespace, "hub", clear, WebexModel.WHOLESALE));
        PartnerConnection hub = awaitCondition(PartnerConnection.class, "hub", Conditions.STALLED, "True");
        assertThat(condition(hub, Conditions.STALLED).getReason()).isEqualTo("InsecureEndpoint");
        assertThat(condition(hub, Conditions.STALLED).getMessage()).startsWith("spec.endpoint: http://")
                .contains("127.0.0.1.partnerhub.invalid").contains("spec.allowInsecure: true");

        edit(PartnerConnection.class, "hub", c -> c.getSpec().setAllowInsecure(true));
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(condition(client.resources(PartnerConnection.class)
                .inNamespace(namespace).withName("hub").get(), Conditions.STALLED).getReason())
                .isNotEqualTo("InsecureEndpoint"));
    }

    @Test
    void aConnectionMovedToAnotherModelIsRefusedAndItsCustomersKeepTheirAccount() {
        connect("hub", WebexModel.WHOLESALE);
        apply(Fixtures.wholesaleCustomer(namespace, "stays", "hub", "webex_meetings"));
        awaitCondition(Customer.class, "stays", Conditions.READY, "True");
        assertThat(get(PartnerConnection.class, "hub").getStatus().getCreatedWith())
                .containsEntry("spec.provider", "webex").containsEntry("spec.webex.model", "wholesale");

        // The mock API runs no validation rule (a real API server refuses this edit: CrdAdmissionTest).
        edit(PartnerConnection.class, "hub", c -> c.getSpec().getWebex().setModel(WebexModel.BROADWORKS));
        PartnerConnection hub = awaitCondition(PartnerConnection.class, "hub", Conditions.STALLED, "True");
        assertThat(condition(hub, Conditions.STALLED).getReason()).isEqualTo("ImmutableFieldChanged");
        assertThat(condition(hub, Conditions.STALLED).getMessage()).contains("spec.webex.model")
                .contains("it was wholesale, now broadworks").contains("create a new PartnerConnection");
        assertThat(hub.getStatus().getCreatedWith()).containsEntry("spec.webex.model", "wholesale");

        edit(PartnerConnection.class, "hub", c -> c.getSpec().getWebex().setModel(WebexModel.WHOLESALE));
        awaitCondition(PartnerConnection.class, "hub", Conditions.READY, "True");
    }

    @Test
    void aPausedConnectionIsNotProbedUntilThePauseIsLifted() {
        client.resource(Fixtures.tokenSecret(namespace, LocalHubResource.hub.token())).create();
        PartnerConnection paused = Fixtures.connection(namespace, "hub", hubUrl + "/v1", WebexModel.WHOLESALE);
        paused.getMetadata().setAnnotations(java.util.Map.of("partnerhub.dev/paused", "true"));
        apply(paused);
        PartnerConnection hub = awaitCondition(PartnerConnection.class, "hub", Conditions.SYNCED, "False");
        assertThat(condition(hub, Conditions.SYNCED).getReason()).isEqualTo("Paused");
        assertThat(condition(hub, Conditions.RECONCILING).getReason()).isEqualTo("Paused");
        assertThat(hub.getStatus().getConditions()).as("never probed, so never Ready").noneMatch(c -> c.getType()
                .equals(Conditions.READY));

        edit(PartnerConnection.class, "hub", c -> c.getMetadata().getAnnotations().remove("partnerhub.dev/paused"));
        awaitCondition(PartnerConnection.class, "hub", Conditions.READY, "True");
    }

    @Test
    void aMissingSecretNamesTheFieldAndTheFix() {
        apply(Fixtures.connection(namespace, "hub", hubUrl + "/v1", WebexModel.WHOLESALE));
        PartnerConnection hub = awaitCondition(PartnerConnection.class, "hub", Conditions.STALLED, "True");
        assertThat(condition(hub, Conditions.STALLED).getReason()).isEqualTo("SecretNotFound");
        assertThat(condition(hub, Conditions.STALLED).getMessage())
                .contains("spec.credentialsSecretRef.name").contains(namespace + "/hub-token").contains("create it");
    }

    @Test
    void aCustomerInAnotherNamespaceMayUseAConnectionOnlyWhenItsNamespaceIsAllowed() {
        connect("shared", WebexModel.WHOLESALE);
        String tenant = "tenant-" + UUID.randomUUID().toString().substring(0, 6);
        client.resource(new NamespaceBuilder().withNewMetadata().withName(tenant).addToLabels("partnerhub.dev/tenant",
                "yes").endMetadata().build()).create();
        Customer foreign = Fixtures.wholesaleCustomer(tenant, "foreign", "shared", "webex_meetings");
        foreign.getSpec().getConnectionRef().setNamespace(namespace);
        client.resource(foreign).create();

        org.awaitility.Awaitility.await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> {
            Customer c = client.resources(Customer.class).inNamespace(tenant).withName("foreign").get();
            assertThat(condition(c, Conditions.STALLED).getReason()).isEqualTo("ConnectionNotAllowed");
            assertThat(condition(c, Conditions.STALLED).getMessage()).contains("spec.allowedNamespaces");
        });

        edit(PartnerConnection.class, "shared", c -> c.getSpec().setAllowedNamespaces(
                new io.fabric8.kubernetes.api.model.LabelSelectorBuilder().addToMatchLabels("partnerhub.dev/tenant", "yes")
                        .build()));
        org.awaitility.Awaitility.await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> assertThat(
                condition(client.resources(Customer.class).inNamespace(tenant).withName("foreign").get(),
                        Conditions.READY).getStatus()).isEqualTo("True"));
    }
}
