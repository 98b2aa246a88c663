package dev.partnerhub.operator;

import static dev.partnerhub.operator.Fixtures.assignment;
import static dev.partnerhub.operator.Fixtures.labelled;
import static dev.partnerhub.operator.Fixtures.user;
import static dev.partnerhub.operator.Fixtures.wholesaleCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.partnerhub.api.v1alpha1.ContactCenterSync;
import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.LicenseAssignment;
import dev.partnerhub.api.v1alpha1.LicenseMode;
import dev.partnerhub.api.v1alpha1.WebexModel;
import dev.partnerhub.operator.status.Conditions;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seed 004: after a Contact Center licence changes, the user is synchronised with Contact Center once; an Invalid
 * sync is retried once, then the status asks for a support request. The hub counts each person's syncs.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@WithTestResource(LocalHubResource.class)
class ContactCenterSyncTest extends OperatorTestSupport {

    private static final String CC_STANDARD = LicenseAssignmentTest.CC_STANDARD;

    @BeforeEach
    void connectToTheHub() {
        connect("hub", WebexModel.WHOLESALE);
    }

    @Test
    void aLicenceGivenAndTakenAwayMakesOneSyncEachAndOtherChangesNone() {
        String personId = agent("ann");
        assertThat(syncs(personId)).as("no Contact Center licence, no sync").isZero();

        apply(assignment(namespace, "agents", "cc", CC_STANDARD, LicenseMode.Additive, null, Map.of("team", "agents")));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            ContactCenterSync sync = customerUser("ann").getStatus().getContactCenter();
            assertThat(sync).isNotNull();
            assertThat(sync.getSyncedFor()).isEqualTo(CC_STANDARD);
            assertThat(sync.getSyncStatus()).isEqualTo("valid");
            assertThat(sync.getAttempts()).isEqualTo(1);
            assertThat(sync.getMessage()).isNull();
        });
        assertThat(syncs(personId)).isEqualTo(1);

        // A change outside Contact Center reaches the hub and syncs nothing.
        edit(CustomerUser.class, "ann", u -> u.getSpec().setLastName("Andersson"));
        await().atMost(TIMEOUT).until(() -> "Andersson".equals(person(personId).path("lastName").asText()));
        awaitCondition(CustomerUser.class, "ann", Conditions.READY, "True");
        assertThat(syncs(personId)).isEqualTo(1);

        deleteAndAwaitGone(LicenseAssignment.class, "agents");
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(customerUser("ann").getStatus().getContactCenter()
                .getSyncedFor()).isEqualTo("(none)"));
        assertThat(syncs(personId)).isEqualTo(2);
    }

    @Test
    void anInvalidSyncIsRetriedOnceThenTheStatusAsksForASupportRequest() {
        String personId = agent("bo");
        hub().invalidContactCenterSyncs("bo@cc.example.com", 2);

        apply(assignment(namespace, "agents", "cc", CC_STANDARD, LicenseMode.Additive, null, Map.of("team", "agents")));
        CustomerUser bo = awaitCondition(CustomerUser.class, "bo", Conditions.STALLED, "True");
        ContactCenterSync sync = bo.getStatus().getContactCenter();
        assertThat(sync.getSyncStatus()).isEqualTo("invalid");
        assertThat(sync.getAttempts()).isEqualTo(2);
        assertThat(sync.getTrackingId()).isNotBlank();
        assertThat(sync.getMessage()).contains("invalid", "support request", sync.getTrackingId());
        assertThat(condition(bo, Conditions.STALLED).getReason()).isEqualTo("ContactCenterSupportNeeded");
        assertThat(condition(bo, Conditions.READY).getStatus()).isEqualTo("False");
        assertThat(syncs(personId)).isEqualTo(2);

        // Nothing more is tried until the Contact Center licences change, however often the user is reconciled.
        edit(CustomerUser.class, "bo", u -> u.getSpec().setLastName("Berg"));
        await().atMost(TIMEOUT).until(() -> "Berg".equals(person(personId).path("lastName").asText()));
        assertThat(condition(customerUser("bo"), Conditions.STALLED).getReason())
                .isEqualTo("ContactCenterSupportNeeded");
        assertThat(syncs(personId)).isEqualTo(2);
    }

    @Test
    void oneInvalidSyncIsRetriedAndTheRetryConverges() {
        String personId = agent("cy");
        hub().invalidContactCenterSyncs("cy@cc.example.com", 1);

        apply(assignment(namespace, "agents", "cc", CC_STANDARD, LicenseMode.Additive, null, Map.of("team", "agents")));
        await().atMost(TIMEOUT).untilAsserted(() -> {
            ContactCenterSync sync = customerUser("cy").getStatus().getContactCenter();
            assertThat(sync).isNotNull();
            assertThat(sync.getSyncStatus()).isEqualTo("valid");
            assertThat(sync.getAttempts()).isEqualTo(2);
        });
        awaitCondition(CustomerUser.class, "cy", Conditions.READY, "True");
        assertThat(syncs(personId)).isEqualTo(2);
    }

    /** A provisioned user of a fresh customer "cc", labelled for the agents' assignment; returns its person ID. */
    private String agent(String name) {
        apply(wholesaleCustomer(namespace, "cc", "hub", "webex_meetings"));
        awaitCondition(Customer.class, "cc", Conditions.READY, "True");
        apply(labelled(user(namespace, name, "cc", name + "@cc.example.com", "webex_meetings", null),
                Map.of("team", "agents")));
        return awaitCondition(CustomerUser.class, name, Conditions.READY, "True").getStatus().getPersonId();
    }

    private int syncs(String personId) {
        return hub().state().path("contactCenterSyncs").path(personId).path("count").asInt(0);
    }

    private com.fasterxml.jackson.databind.JsonNode person(String personId) {
        return hubRecords("people").stream().filter(p -> personId.equals(p.path("id").asText())).findFirst()
                .orElseThrow();
    }
}
