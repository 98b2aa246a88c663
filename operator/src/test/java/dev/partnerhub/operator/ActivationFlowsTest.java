package dev.partnerhub.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partnerhub.api.v1alpha1.ActivationState;
import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.WebexModel;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.operator.user.ActivationActions;
import dev.partnerhub.sandbox.HubSettings;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The flows between "provisioned by the partner" and "active" of seeds 002 and 003, through every state. */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@WithTestResource(LocalHubResource.class)
class ActivationFlowsTest extends OperatorTestSupport {

    @Test
    void aStuckUntrustedUserShowsTheHubsErrorAndRetryActivationOnboardsItAgainOncePerToken() {
        connect("bw", WebexModel.BROADWORKS);
        String trusted = "Reseller1+" + namespace + "-t";
        apply(Fixtures.broadworksCustomer(namespace, "taken", "bw", HubSettings.TRUSTED_TEMPLATE, trusted));
        awaitCondition(Customer.class, "taken", Conditions.READY, "True");
        apply(Fixtures.broadworksUser(namespace, "owner", "taken", "owner@" + namespace, "shared@" + namespace
                + ".example.com", "basic", "1000"));
        awaitCondition(CustomerUser.class, "owner", Conditions.READY, "True");

        apply(Fixtures.broadworksCustomer(namespace, "wayne", "bw", HubSettings.UNTRUSTED_TEMPLATE,
                "Reseller1+" + namespace));
        awaitCondition(Customer.class, "wayne", Conditions.READY, "True");
        String userId = "bruce@" + namespace + ".sp.example.com";
        apply(Fixtures.broadworksUser(namespace, "bruce", "wayne", userId, null, "standard", "1001"));
        CustomerUser bruce = awaitActivation("bruce", ActivationState.PendingEmailInput);
        assertThat(bruce.getStatus().getActivation().getPendingAction()).contains(ActivationActions.RETRY_ACTIVATION);

        hub().enterEmail(userId, "shared@" + namespace + ".example.com");
        bruce = awaitActivation("bruce", ActivationState.Error);
        assertThat(bruce.getStatus().getErrors()).singleElement().satisfies(e -> {
            assertThat(e.getCode()).isEqualTo("10022");
            assertThat(e.getDescription()).isEqualTo("The email is already associated with an existing user.");
        });
        assertThat(condition(bruce, Conditions.STALLED).getReason()).isEqualTo("ProvisioningError");
        String stuckId = bruce.getStatus().getUserId();

        edit("bruce", u -> {
            u.getSpec().setEmail("bruce@wayne.example.com");
            annotate(u, ActivationActions.RETRY_ACTIVATION, "t1");
        });
        bruce = awaitActivation("bruce", ActivationState.PendingEmailValidation);
        assertThat(bruce.getStatus().getActions().getRetryActivation()).isEqualTo("t1");
        assertThat(bruce.getStatus().getUserId()).isNotEqualTo(stuckId);
        assertThat(bruce.getStatus().getErrors()).isEmpty();
        String onboardedId = bruce.getStatus().getUserId();

        // A later reconcile, proven by the token it records (there is no consent to send in this state), does
        // not onboard the user again: t1 was spent.
        edit("bruce", u -> annotate(u, ActivationActions.RESEND_CONSENT, "later"));
        await().atMost(TIMEOUT).until(() -> "later".equals(customerUser("bruce").getStatus().getActions()
                .getResendConsent()));
        assertThat(subscribersWithUserId(userId)).isEqualTo(1);
        assertThat(customerUser("bruce").getStatus().getUserId()).isEqualTo(onboardedId);

        hub().validateEmail(userId);
        bruce = awaitCondition(CustomerUser.class, "bruce", Conditions.READY, "True");
        assertThat(bruce.getStatus().getEmail()).isEqualTo("bruce@wayne.example.com");
        assertThat(subscribersWithUserId(userId)).isEqualTo(1);
    }

    @Test
    void aRetriedActivationWhoseCreateReplyIsLostOnboardsOnceAndNeverDeletesItsNewSubscriber() {
        connect("bw", WebexModel.BROADWORKS);
        apply(Fixtures.broadworksCustomer(namespace, "gotham", "bw", HubSettings.UNTRUSTED_TEMPLATE,
                "Reseller1+" + namespace));
        awaitCondition(Customer.class, "gotham", Conditions.READY, "True");
        String userId = "selina@" + namespace + ".sp.example.com";
        apply(Fixtures.broadworksUser(namespace, "selina", "gotham", userId, null, "standard", "1002"));
        String stuckId = awaitActivation("selina", ActivationState.PendingEmailInput).getStatus().getUserId();
        long deletes = hub().requests("DELETE /v1/broadworks/subscribers/{subscriberId}");
        hub().addFault(new com.fasterxml.jackson.databind.ObjectMapper().createObjectNode().put("method", "POST")
                .put("pathPrefix", "/v1/broadworks/subscribers").put("lostReply", true).put("times", 1));

        edit("selina", u -> {
            u.getSpec().setEmail("selina@gotham.example.com");
            annotate(u, ActivationActions.RETRY_ACTIVATION, "t1");
        });
        CustomerUser selina = awaitActivation("selina", ActivationState.PendingEmailValidation);
        await().atMost(TIMEOUT).until(() -> "t1".equals(customerUser("selina").getStatus().getActions()
                .getRetryActivation()));
        selina = customerUser("selina");
        assertThat(selina.getStatus().getUserId()).isNotEqualTo(stuckId);
        assertThat(hub().requests("DELETE /v1/broadworks/subscribers/{subscriberId}") - deletes)
                .as("only the stuck subscriber is deleted").isEqualTo(1);
        assertThat(subscribersWithUserId(userId)).isEqualTo(1);
        assertThat(hubRecords("broadworksSubscribers")).filteredOn(s -> userId.equals(s.path("userId").asText()))
                .singleElement().satisfies(s -> assertThat(s.path("id").asText())
                        .isEqualTo(customerUser("selina").getStatus().getUserId()));
    }

    @Test
    void anExistingAccountWaitsForConsentResentOncePerTokenThenMovesWithTheSameEmail() {
        connect("hub", WebexModel.WHOLESALE);
        String email = "mover@" + namespace + ".example.com";
        hub().addConsumerAccount(email);
        apply(Fixtures.wholesaleCustomer(namespace, "acme", "hub", "webex_meetings"));
        awaitCondition(Customer.class, "acme", Conditions.READY, "True");
        apply(Fixtures.user(namespace, "mover", "acme", email, "webex_meetings", null));

        CustomerUser mover = awaitActivation("mover", ActivationState.PendingUserMigration);
        assertThat(condition(mover, Conditions.READY).getReason()).isEqualTo("PendingUserMigration");
        assertThat(mover.getStatus().getActivation().getPendingAction()).contains("consent email")
                .contains(ActivationActions.RESEND_CONSENT);
        String subscriberId = mover.getStatus().getUserId();
        assertThat(consentEmails(subscriberId)).isZero();

        edit("mover", u -> annotate(u, ActivationActions.RESEND_CONSENT, "c1"));
        await().atMost(TIMEOUT).until(() -> consentEmails(subscriberId) == 1);
        await().atMost(TIMEOUT).until(() -> "c1".equals(customerUser("mover").getStatus().getActions().getResendConsent()));
        // A later reconcile, proven by the token it records (nothing to retry in this state), sends no email: c1 was
        // spent.
        edit("mover", u -> annotate(u, ActivationActions.RETRY_ACTIVATION, "later"));
        await().atMost(TIMEOUT).until(() -> "later".equals(customerUser("mover").getStatus().getActions()
                .getRetryActivation()));
        assertThat(consentEmails(subscriberId)).isEqualTo(1);
        edit("mover", u -> annotate(u, ActivationActions.RESEND_CONSENT, "c2"));
        await().atMost(TIMEOUT).until(() -> consentEmails(subscriberId) == 2);

        hub().acceptMove(email);
        mover = awaitCondition(CustomerUser.class, "mover", Conditions.READY, "True");
        assertThat(mover.getStatus().getActivation().getState()).isEqualTo(ActivationState.Provisioned);
        assertThat(mover.getStatus().getEmail()).isEqualTo(email);
        assertThat(mover.getStatus().getUserId()).isEqualTo(subscriberId);
    }

    @Test
    void selfActivatedUsersAreListedAsUndeclaredAndNeverTouched() {
        connect("bw", WebexModel.BROADWORKS);
        String enterprise = "Reseller1+" + namespace;
        apply(Fixtures.broadworksCustomer(namespace, "stark", "bw", HubSettings.TRUSTED_TEMPLATE, enterprise));
        awaitCondition(Customer.class, "stark", Conditions.READY, "True");
        apply(Fixtures.broadworksUser(namespace, "tony", "stark", "tony@" + namespace, "tony@stark.example.com",
                "basic", "2001"));
        awaitCondition(CustomerUser.class, "tony", Conditions.READY, "True");

        String selfId = "pepper@" + namespace;
        hub().selfActivate(enterprise, selfId, "pepper@stark.example.com");
        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> {
            var undeclared = customer("stark").getStatus().getUndeclared();
            assertThat(undeclared.getCount()).isEqualTo(1);
            assertThat(undeclared.getUsers()).singleElement().satisfies(u -> {
                assertThat(u.getUserId()).isEqualTo(selfId);
                assertThat(u.getSelfActivated()).isTrue();
            });
        });
        // A later round of the customer, proven by the second self-activated user it lists, has not touched the first.
        hub().selfActivate(enterprise, "happy@" + namespace, "happy@stark.example.com");
        await().atMost(TIMEOUT).ignoreExceptions().until(() -> customer("stark").getStatus().getUndeclared()
                .getCount() == 2);
        assertThat(subscribersWithUserId(selfId)).isEqualTo(1);
        String selfSubscriber = customer("stark").getStatus().getUndeclared().getUsers().stream()
                .filter(u -> selfId.equals(u.getUserId())).findFirst().orElseThrow().getSubscriberId();
        assertThat(LocalHubResource.EXCHANGES).filteredOn(e -> e.path().startsWith("/v1/") && !e.method().equals("GET"))
                .noneMatch(e -> e.path().contains(selfSubscriber) || e.requestBody().contains(selfId));
    }

    private void edit(String name, java.util.function.Consumer<CustomerUser> change) {
        edit(CustomerUser.class, name, change);
    }

    private static void annotate(CustomerUser u, String key, String value) {
        Map<String, String> annotations = u.getMetadata().getAnnotations() == null ? new HashMap<>()
                : new HashMap<>(u.getMetadata().getAnnotations());
        annotations.put(key, value);
        u.getMetadata().setAnnotations(annotations);
    }

    private CustomerUser awaitActivation(String name, ActivationState state) {
        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> assertThat(customerUser(name).getStatus()
                .getActivation().getState()).isEqualTo(state));
        return customerUser(name);
    }

    private long subscribersWithUserId(String userId) {
        return hubRecords("broadworksSubscribers").stream().filter(s -> userId.equals(s.path("userId").asText()))
                .count();
    }

    private int consentEmails(String subscriberId) {
        JsonNode sent = hub().state().path("consentEmails").path(subscriberId);
        return sent.isMissingNode() ? 0 : sent.asInt();
    }
}
