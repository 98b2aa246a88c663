package dev.partnerhub.operator;

import static dev.partnerhub.operator.Fixtures.user;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.PartnerConnection;
import dev.partnerhub.api.v1alpha1.WebexModel;
import dev.partnerhub.operator.fake.FakeProvider;
import dev.partnerhub.operator.fake.FakeProviderFactory;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.providers.spi.errors.ProviderRejectedException;
import dev.partnerhub.providers.spi.errors.RemoteError;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The reconcilers against the in-memory provider: what they do with an outage, a refusal, a lost reply and a field
 * the provider lacks, without HTTP. Each test has a fake provider of its own (its connection's endpoint).
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
// The same resources as the other reconciler tests, so that Quarkus is not started again for this class.
@WithTestResource(LocalHubResource.class)
class FakeProviderReconcileTest extends OperatorTestSupport {

    private FakeProvider fake;
    private String customerId;

    @BeforeEach
    void aReadyCustomerOnAFakeProvider() {
        fake = FakeProviderFactory.provider(namespace);
        client.resource(Fixtures.tokenSecret(namespace, "fake-token")).create();
        client.resource(Fixtures.connection(namespace, "fake", "fake:" + namespace, WebexModel.WHOLESALE)).create();
        awaitCondition(PartnerConnection.class, "fake", Conditions.READY, "True");
        apply(Fixtures.plainCustomer(namespace, "acme", "fake"));
        customerId = awaitCondition(Customer.class, "acme", Conditions.READY, "True").getStatus().getCustomerId();
    }

    @Test
    void aUserConvergesAndItsFieldsAreTheSpecs() {
        apply(user(namespace, "ann", "acme", "ann@acme.example.com", null, null));
        CustomerUser ann = awaitCondition(CustomerUser.class, "ann", Conditions.READY, "True");
        assertThat(fake.usersOf(customerId)).containsOnlyKeys(ann.getStatus().getUserId());
        assertThat(fake.usersOf(customerId).get(ann.getStatus().getUserId()).details().firstName()).isEqualTo("ann");
    }

    @Test
    void anOutageIsReportedAsNotSyncedAndRetriedNeverStalled() {
        fake.unavailable(true);
        apply(user(namespace, "ben", "acme", "ben@acme.example.com", null, null));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            CustomerUser ben = customerUser("ben");
            assertThat(condition(ben, Conditions.SYNCED).getReason()).isEqualTo("ProviderUnavailable");
            assertThat(condition(ben, Conditions.STALLED).getStatus()).isNotEqualTo("True");
        });
        fake.unavailable(false);
        awaitCondition(CustomerUser.class, "ben", Conditions.READY, "True");
        assertThat(fake.usersOf(customerId)).hasSize(1);
    }

    @Test
    void aRefusalIsStalledWithTheProvidersErrorUnchanged() {
        fake.failNext(FakeProvider.Op.CREATE_USER, new ProviderRejectedException("refused", 400,
                List.of(new RemoteError("E42", "The domain of this address is not verified.", "FAKE-77")), "FAKE-77"));
        apply(user(namespace, "cid", "acme", "cid@unverified.example.com", null, null));
        CustomerUser cid = awaitCondition(CustomerUser.class, "cid", Conditions.STALLED, "True");
        assertThat(condition(cid, Conditions.STALLED).getReason()).isEqualTo("ProviderRejected");
        assertThat(cid.getStatus().getErrors()).singleElement().satisfies(e -> {
            assertThat(e.getCode()).isEqualTo("E42");
            assertThat(e.getTrackingId()).isEqualTo("FAKE-77");
        });
        assertThat(cid.getStatus().getCreatePending()).isNull();
        assertThat(fake.usersOf(customerId)).isEmpty();
    }

    @Test
    void aCreateWhoseReplyIsLostMakesOneUserAndNoAlreadyExists() {
        fake.loseNextReply(FakeProvider.Op.CREATE_USER);
        apply(user(namespace, "dee", "acme", "dee@acme.example.com", null, null));
        CustomerUser dee = awaitCondition(CustomerUser.class, "dee", Conditions.READY, "True");
        assertThat(fake.usersOf(customerId)).containsOnlyKeys(dee.getStatus().getUserId());
        assertThat(fake.calls(FakeProvider.Op.CREATE_USER)).isEqualTo(1);
    }

    @Test
    void aFieldTheProviderLacksIsUnsupportedNamingItAndNothingIsSent() {
        int creates = fake.calls(FakeProvider.Op.CREATE_USER);
        apply(user(namespace, "eve", "acme", "eve@acme.example.com", "basic", "+12405550100"));
        CustomerUser eve = awaitCondition(CustomerUser.class, "eve", Conditions.STALLED, "True");
        assertThat(condition(eve, Conditions.STALLED).getReason()).isEqualTo("UnsupportedByProvider");
        assertThat(condition(eve, Conditions.STALLED).getMessage())
                .contains("spec.package: a fake connection has no such field")
                .contains("spec.phoneNumber: a fake connection has no such field");
        assertThat(fake.calls(FakeProvider.Op.CREATE_USER)).isEqualTo(creates);
    }
}
