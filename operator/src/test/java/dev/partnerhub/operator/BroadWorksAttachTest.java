package dev.partnerhub.operator;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.partnerhub.api.v1alpha1.AdminAccessLevel;
import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.WebexModel;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.sandbox.HubSettings;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seed 003's attach for Webex for BroadWorks: an enterprise's first subscriber whose email belongs to a user of an
 * existing org brings the enterprise into that org (Provisioning Admin, as an automatic attach gives), unless the org
 * needs its administrator's approval first (100 users or more: error 2017, reported on the user and the Customer
 * with the fix, and the attach goes on once approved); without a matching email, a new org is made.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@WithTestResource(LocalHubResource.class)
class BroadWorksAttachTest extends OperatorTestSupport {

    private static final String APPROVAL = "AdminApprovalRequired";

    @BeforeEach
    void connectToTheHub() {
        connect("bw", WebexModel.BROADWORKS);
    }

    @Test
    void theFirstSubscribersEmailAttachesItsOrgAtOnceWith99UsersAndAfterApprovalWith100() {
        String small = hub().createOrg("Ninety-Nine Corp", 99, false, false, true, "owner@ninety.example.com");
        CustomerUser owner = attachAttempt("ninety", "owner@ninety.example.com");
        assertThat(owner.getStatus().getActivation().getState().name()).isEqualTo("Provisioned");
        Customer ninety = awaitCondition(Customer.class, "ninety", Conditions.READY, "True");
        assertThat(ninety.getStatus().getOrgId()).isEqualTo(small);
        assertThat(ninety.getStatus().getAdminAccess()).isEqualTo(AdminAccessLevel.LimitedAdmin);
        assertThat(ninety.getStatus().getAdminRole()).isEqualTo("Provisioning Administrator");

        String big = hub().createOrg("Hundred Corp", 100, false, false, true, "boss@hundred.example.com");
        apply(Fixtures.broadworksCustomer(namespace, "hundred", "bw", HubSettings.TRUSTED_TEMPLATE,
                "Reseller1+hundred-" + namespace));
        awaitCondition(Customer.class, "hundred", Conditions.READY, "True");
        apply(Fixtures.broadworksUser(namespace, "boss", "hundred", "boss@" + namespace + ".sp.example.com",
                "boss@hundred.example.com", "standard", "2001"));
        CustomerUser waiting = awaitCondition(CustomerUser.class, "boss", Conditions.STALLED, "True");
        assertThat(condition(waiting, Conditions.STALLED).getReason()).isEqualTo("AdminApprovalRequired");
        assertThat(condition(waiting, Conditions.STALLED).getMessage()).contains("Hundred Corp",
                HubSettings.PARTNER_ADMIN, "external Full Administrator");
        assertThat(waiting.getStatus().getErrors()).extracting(e -> e.getCode()).containsExactly("2017");
        Customer hundred = awaitCondition(Customer.class, "hundred", Conditions.STALLED, "True");
        assertThat(condition(hundred, Conditions.STALLED).getReason()).isEqualTo("AdminApprovalRequired");
        assertThat(hundred.getStatus().getPendingAction()).contains(HubSettings.PARTNER_ADMIN);
        assertThat(hubRecords("broadworksSubscribers")).noneMatch(s -> "boss@hundred.example.com".equals(
                s.path("email").asText()));
        // A steady wait, not a flip between "approval" and "customer not ready": two more rounds of the user, proven
        // by the hub's record of the creates they sent again (each meets the same refusal), state the same reasons.
        long attempts = createsOf("boss@hundred.example.com");
        await().atMost(TIMEOUT).until(() -> createsOf("boss@hundred.example.com") >= attempts + 2);
        assertThat(condition(get(CustomerUser.class, "boss"), Conditions.STALLED).getReason()).isEqualTo(APPROVAL);
        assertThat(condition(get(Customer.class, "hundred"), Conditions.STALLED).getReason()).isEqualTo(APPROVAL);

        hub().approveAttach(big);
        awaitCondition(CustomerUser.class, "boss", Conditions.READY, "True");
        Customer attached = awaitCondition(Customer.class, "hundred", Conditions.READY, "True");
        assertThat(attached.getStatus().getOrgId()).isEqualTo(big);
        assertThat(attached.getStatus().getPendingAction()).isNull();
        // Seed 003: the approval makes the partner administrator an external Full Administrator.
        assertThat(attached.getStatus().getAdminAccess()).isEqualTo(AdminAccessLevel.FullAdmin);
    }

    @Test
    void withoutAMatchingEmailTheEnterpriseGetsAnOrgOfItsOwn() {
        String other = hub().createOrg("Other Corp", 5, false, false, true, "someone@other.example.com");
        CustomerUser user = attachAttempt("fresh", "new@fresh.example.com");
        assertThat(user.getStatus().getActivation().getState().name()).isEqualTo("Provisioned");
        Customer fresh = awaitCondition(Customer.class, "fresh", Conditions.READY, "True");
        assertThat(fresh.getStatus().getOrgId()).isNotBlank().isNotEqualTo(other);
        assertThat(fresh.getStatus().getAdminAccess()).isEqualTo(AdminAccessLevel.FullAdmin);

        // Seed 003: the first subscriber decides; a later one whose email is a user of another org attaches nothing.
        apply(Fixtures.broadworksUser(namespace, "late", "fresh", "late@fresh." + namespace + ".sp.example.com",
                "someone@other.example.com", "standard", "1002"));
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(customerUser("late").getStatus().getErrors())
                .extracting(e -> e.getCode()).containsExactly("10022"));
        assertThat(customer("fresh").getStatus().getOrgId()).isEqualTo(fresh.getStatus().getOrgId());
        assertThat(hubRecords("orgs")).filteredOn(o -> o.path("orgId").asText().equals(other))
                .allSatisfy(o -> assertThat(o.path("attachedTo").isNull() || o.path("attachedTo").isMissingNode())
                        .isTrue());
    }

    /** A BroadWorks Customer and its first user, with this email; the user once Ready. */
    private CustomerUser attachAttempt(String name, String email) {
        apply(Fixtures.broadworksCustomer(namespace, name, "bw", HubSettings.TRUSTED_TEMPLATE,
                "Reseller1+" + name + "-" + namespace));
        awaitCondition(Customer.class, name, Conditions.READY, "True");
        apply(Fixtures.broadworksUser(namespace, "first", name, "first@" + name + "." + namespace + ".sp.example.com",
                email, "standard", "1001"));
        return awaitCondition(CustomerUser.class, "first", Conditions.READY, "True");
    }

    /** How many BroadWorks subscriber creates for this email the hub has received. */
    private static long createsOf(String email) {
        return LocalHubResource.EXCHANGES.stream().filter(e -> e.method().equals("POST")
                && e.path().endsWith("/broadworks/subscribers") && e.requestBody().contains(email)).count();
    }
}
