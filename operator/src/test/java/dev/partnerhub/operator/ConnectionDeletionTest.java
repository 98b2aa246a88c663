package dev.partnerhub.operator;

import static dev.partnerhub.operator.Fixtures.user;
import static dev.partnerhub.operator.Fixtures.wholesaleCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.DeletionPolicy;
import dev.partnerhub.api.v1alpha1.PartnerConnection;
import dev.partnerhub.api.v1alpha1.WebexModel;
import dev.partnerhub.operator.status.Conditions;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Secret;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A PartnerConnection and its Secret are held while Customers use them, so that the Customers' finalizers can
 * always reach the provider; when the credentials are gone anyway, the Customer says what a person must do.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@WithTestResource(LocalHubResource.class)
class ConnectionDeletionTest extends OperatorTestSupport {

    private static final String HOLD = "partnerhub.dev/credentials-of.hub";

    @BeforeEach
    void connectToTheHub() {
        connect("hub", WebexModel.WHOLESALE);
    }

    @Test
    void aConnectionUsedByCustomersHereAndInAnotherNamespaceIsHeldUntilTheyAreGoneThenReleasesItsSecret() {
        await().atMost(TIMEOUT).until(() -> secret().getMetadata().getFinalizers().contains(HOLD));
        String tenant = "tenant-" + UUID.randomUUID().toString().substring(0, 6);
        client.resource(new NamespaceBuilder().withNewMetadata().withName(tenant).addToLabels("partnerhub.dev/tenant",
                "yes").endMetadata().build()).create();
        edit(PartnerConnection.class, "hub", c -> c.getSpec().setAllowedNamespaces(new LabelSelectorBuilder()
                .addToMatchLabels("partnerhub.dev/tenant", "yes").build()));
        apply(wholesaleCustomer(namespace, "local", "hub", "webex_meetings"));
        Customer foreign = wholesaleCustomer(tenant, "foreign", "hub", "webex_meetings");
        foreign.getSpec().getConnectionRef().setNamespace(namespace);
        client.resource(foreign).create();
        awaitCondition(Customer.class, "local", Conditions.READY, "True");
        await().atMost(TIMEOUT).ignoreExceptions().until(() -> Conditions.isTrue(client.resources(Customer.class)
                .inNamespace(tenant).withName("foreign").get().getStatus(), Conditions.READY));
        await().atMost(TIMEOUT).until(() -> Integer.valueOf(2).equals(get(PartnerConnection.class, "hub").getStatus()
                .getCustomers()));

        client.resources(PartnerConnection.class).inNamespace(namespace).withName("hub").delete();
        PartnerConnection held = awaitCondition(PartnerConnection.class, "hub", Conditions.STALLED, "True");
        assertThat(condition(held, Conditions.STALLED).getReason()).isEqualTo("InUse");
        assertThat(condition(held, Conditions.STALLED).getMessage()).contains("2 still do")
                .contains(namespace + "/local").contains(tenant + "/foreign");

        deleteAndAwaitGone(Customer.class, "local");
        assertThat(get(PartnerConnection.class, "hub")).as("still used by %s/foreign", tenant).isNotNull();
        client.resources(Customer.class).inNamespace(tenant).withName("foreign").delete();
        awaitGone(PartnerConnection.class, "hub");
        await().atMost(TIMEOUT).until(() -> !secret().getMetadata().getFinalizers().contains(HOLD));
    }

    @Test
    void aSecretDeletedWhileCustomersUseItsConnectionStaysUntilTheyAreGone() {
        await().atMost(TIMEOUT).until(() -> secret().getMetadata().getFinalizers().contains(HOLD));
        apply(wholesaleCustomer(namespace, "acme", "hub", "webex_meetings"));
        String customerId = awaitCondition(Customer.class, "acme", Conditions.READY, "True").getStatus()
                .getCustomerId();

        client.secrets().inNamespace(namespace).withName("hub-token").delete();
        PartnerConnection hub = awaitCondition(PartnerConnection.class, "hub", Conditions.STALLED, "True");
        assertThat(condition(hub, Conditions.STALLED).getReason()).isEqualTo("CredentialsInUse");
        assertThat(condition(hub, Conditions.STALLED).getMessage()).contains("hub-token is being deleted")
                .contains(namespace + "/acme").contains("edit the Secret instead");

        deleteAndAwaitGone(Customer.class, "acme");
        assertThat(hubRecords("wholesaleCustomers")).noneMatch(c -> customerId.equals(c.path("id").asText()));
        await().atMost(TIMEOUT).until(() -> secret() == null);
    }

    @Test
    void whenTheCredentialsAreGoneAnywayADeletedCustomerSaysWhatToDoAndOrphanReleasesIt() {
        apply(wholesaleCustomer(namespace, "stuck", "hub", "webex_meetings"));
        String customerId = awaitCondition(Customer.class, "stuck", Conditions.READY, "True").getStatus()
                .getCustomerId();
        apply(user(namespace, "sam", "stuck", "sam@stuck.example.com", "webex_meetings", null));
        awaitCondition(CustomerUser.class, "sam", Conditions.READY, "True");
        await().atMost(TIMEOUT).until(() -> secret().getMetadata().getFinalizers().contains(HOLD));

        // Someone takes the finalizer off by hand and deletes the Secret: the token is gone for good.
        edit(Secret.class, "hub-token", s -> s.getMetadata().setFinalizers(new ArrayList<>()));
        client.secrets().inNamespace(namespace).withName("hub-token").delete();
        awaitCondition(PartnerConnection.class, "hub", Conditions.READY, "False");

        client.resources(CustomerUser.class).inNamespace(namespace).withName("sam").delete();
        client.resources(Customer.class).inNamespace(namespace).withName("stuck").delete();
        CustomerUser sam = awaitCondition(CustomerUser.class, "sam", Conditions.STALLED, "True");
        assertThat(condition(sam, Conditions.STALLED).getReason()).isEqualTo("CredentialsMissing");
        assertThat(condition(sam, Conditions.STALLED).getMessage()).contains("Cannot remove the subscriber")
                .contains(namespace + "/hub-token").contains("Create the Secret again")
                .contains("set spec.deletionPolicy to Orphan");

        edit(CustomerUser.class, "sam", u -> u.getSpec().setDeletionPolicy(DeletionPolicy.Orphan));
        awaitGone(CustomerUser.class, "sam");
        Customer stuck = awaitCondition(Customer.class, "stuck", Conditions.STALLED, "True");
        assertThat(condition(stuck, Conditions.STALLED).getReason()).isEqualTo("CredentialsMissing");
        assertThat(condition(stuck, Conditions.STALLED).getMessage()).contains("Cannot remove the customer")
                .contains("set spec.deletionPolicy to Orphan");

        edit(Customer.class, "stuck", c -> c.getSpec().setDeletionPolicy(DeletionPolicy.Orphan));
        awaitGone(Customer.class, "stuck");
        assertThat(hubRecords("wholesaleCustomers")).anyMatch(c -> customerId.equals(c.path("id").asText()));
        assertThat(hubSubscribersOf(customerId)).hasSize(1);
    }

    private Secret secret() {
        Secret secret = get(Secret.class, "hub-token");
        if (secret != null && secret.getMetadata().getFinalizers() == null) {
            secret.getMetadata().setFinalizers(List.of());
        }
        return secret;
    }
}
