package dev.partnerhub.operator;

import static dev.partnerhub.operator.Fixtures.assignment;
import static dev.partnerhub.operator.Fixtures.labelled;
import static dev.partnerhub.operator.Fixtures.user;
import static dev.partnerhub.operator.Fixtures.wholesaleCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.LicenseAssignment;
import dev.partnerhub.api.v1alpha1.LicenseFailureReason;
import dev.partnerhub.api.v1alpha1.LicenseMode;
import dev.partnerhub.api.v1alpha1.LicenseState;
import dev.partnerhub.api.v1alpha1.UserLicense;
import dev.partnerhub.api.v1alpha1.WebexModel;
import dev.partnerhub.operator.status.Conditions;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Licences declared by LicenseAssignment and reported per user and per assignment, against the local hub. */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@WithTestResource(LocalHubResource.class)
class LicenseAssignmentTest extends OperatorTestSupport {

    static final String CC_STANDARD = "Contact center Standard Agent";
    static final String CC_PREMIUM = "Contact Center Premium Agent";
    static final String ATTENDANT = "Webex Attendant Console";
    static final String CALLING_STANDARD = "Webex Calling - Standard";

    @BeforeEach
    void connectToTheHub() {
        connect("hub", WebexModel.WHOLESALE);
    }

    @Test
    void aPausedAssignmentLooksUpNothingUntilThePauseIsLifted() {
        readyCustomer("quiet", "webex_meetings");
        LicenseAssignment paused = assignment(namespace, "quiet-attendants", "quiet", ATTENDANT, LicenseMode.Additive,
                null, Map.of("team", "front"));
        paused.getMetadata().setAnnotations(Map.of("partnerhub.dev/paused", "true"));
        apply(paused);
        LicenseAssignment a = awaitCondition(LicenseAssignment.class, "quiet-attendants", Conditions.SYNCED, "False");
        assertThat(condition(a, Conditions.SYNCED).getReason()).isEqualTo("Paused");
        assertThat(a.getStatus().getLicenseId()).as("the org's licences were never read").isNull();

        edit(LicenseAssignment.class, "quiet-attendants", x -> x.getMetadata().getAnnotations()
                .remove("partnerhub.dev/paused"));
        assertThat(awaitCondition(LicenseAssignment.class, "quiet-attendants", Conditions.READY, "True").getStatus()
                .getLicenseId()).isNotNull();
    }

    @Test
    void aPausedExclusiveAssignmentTakesNoLicenceFromAUserWhoLeavesItsSetUntilThePauseIsLifted() {
        String orgId = readyCustomer("held", "webex_calling");
        apply(labelled(user(namespace, "hal", "held", "hal@held.example.com", "webex_calling", "+12405551234"),
                Map.of("tier", "gold")));
        apply(assignment(namespace, "premium-held", "held", CC_PREMIUM, LicenseMode.Exclusive, null,
                Map.of("tier", "gold")));
        awaitLicence("hal", CC_PREMIUM, LicenseState.Active);
        edit(LicenseAssignment.class, "premium-held", a -> a.getMetadata().setAnnotations(
                Map.of("partnerhub.dev/paused", "true")));
        awaitCondition(LicenseAssignment.class, "premium-held", Conditions.SYNCED, "False");
        // hal's own controller has seen the pause (the assignment's change is an event of his) and says so.
        await().atMost(TIMEOUT).until(() -> get(CustomerUser.class, "hal").getStatus().getWarnings().stream()
                .anyMatch(w -> w.contains("premium-held of this customer is paused")));

        // hal leaves the set, and an edit of his spec shows when his reconcile has run since.
        edit(CustomerUser.class, "hal", u -> {
            u.getMetadata().getLabels().put("tier", "silver");
            u.getSpec().setDisplayName("Hal Held");
        });
        long generation = get(CustomerUser.class, "hal").getMetadata().getGeneration();
        await().atMost(TIMEOUT).until(() -> Conditions.readyAt(get(CustomerUser.class, "hal").getStatus(), generation));
        assertThat(holders(orgId, CC_PREMIUM)).as("held by the paused assignment").hasSize(1);

        edit(LicenseAssignment.class, "premium-held", a -> a.getMetadata().getAnnotations()
                .remove("partnerhub.dev/paused"));
        await().atMost(TIMEOUT).until(() -> holders(orgId, CC_PREMIUM).isEmpty());
    }

    @Test
    void twelveUsersForTenSeatsGiveTenActiveAndTwoCountViolationsThenMoreSeatsConvergeAllTwelve() {
        String orgId = readyCustomer("seats", "webex_meetings");
        hub().setSeats(orgId, CC_STANDARD, 10);
        for (int i = 1; i <= 12; i++) {
            apply(labelled(user(namespace, String.format("agent%02d", i), "seats", "agent" + i + "@seats.example.com",
                    "webex_meetings", null), Map.of("team", "support")));
        }
        apply(assignment(namespace, "support-agents", "seats", CC_STANDARD, LicenseMode.Additive, null, Map.of("team", "support")));

        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> {
            LicenseAssignment a = get(LicenseAssignment.class, "support-agents");
            assertThat(a.getStatus().getAssigned()).isEqualTo(10);
            assertThat(a.getStatus().getFailed()).isEqualTo(2);
        });
        LicenseAssignment a = get(LicenseAssignment.class, "support-agents");
        assertThat(a.getStatus().getSeats().getTotal()).isEqualTo(10);
        assertThat(a.getStatus().getSeats().getAvailable()).isZero();
        assertThat(a.getStatus().getFailures()).hasSize(2)
                .allSatisfy(f -> assertThat(f.getReason()).isEqualTo(LicenseFailureReason.CountViolation));
        assertThat(condition(a, Conditions.READY).getReason()).isEqualTo("Refused");
        List<UserLicense> entries = client.resources(CustomerUser.class).inNamespace(namespace).list().getItems()
                .stream().map(u -> licence(u, CC_STANDARD).orElseThrow()).toList();
        assertThat(entries).filteredOn(e -> e.getState() == LicenseState.Active).hasSize(10)
                .allSatisfy(e -> assertThat(e.getAssignedBy()).isEqualTo("support-agents"));
        assertThat(entries).filteredOn(e -> e.getState() == LicenseState.Error).hasSize(2)
                .allSatisfy(e -> assertThat(e.getReason()).isEqualTo(LicenseFailureReason.CountViolation));
        assertThat(a.getStatus().getFailures()).extracting(f -> f.getUser()).containsExactlyInAnyOrderElementsOf(
                client.resources(CustomerUser.class).inNamespace(namespace).list().getItems().stream()
                        .filter(u -> licence(u, CC_STANDARD).orElseThrow().getState() == LicenseState.Error)
                        .map(u -> u.getMetadata().getName()).toList());

        hub().setSeats(orgId, CC_STANDARD, 12);
        LicenseAssignment done = awaitCondition(LicenseAssignment.class, "support-agents", Conditions.READY, "True");
        assertThat(done.getStatus().getAssigned()).isEqualTo(12);
        assertThat(done.getStatus().getFailures()).isEmpty();
        assertThat(holders(orgId, CC_STANDARD)).hasSize(12);
    }

    @Test
    void exclusiveTakesTheLicenceFromAUserWhoLeavesTheSetAdditiveNeverDoesAndDeletionTakesBackOnlyItsOwn() {
        String orgId = readyCustomer("excl", "webex_calling");
        for (String name : List.of("ann", "ben", "cal")) {
            apply(labelled(user(namespace, name, "excl", name + "@excl.example.com", "webex_calling", "+1240555"
                    + (1000 + name.charAt(0))), Map.of("tier", "gold")));
        }
        apply(assignment(namespace, "console-for-cal", "excl", ATTENDANT, LicenseMode.Additive, List.of("cal"), null));
        awaitLicence("cal", ATTENDANT, LicenseState.Active);
        apply(assignment(namespace, "premium-gold", "excl", CC_PREMIUM, LicenseMode.Exclusive, null, Map.of("tier", "gold")));
        apply(assignment(namespace, "console-gold", "excl", ATTENDANT, LicenseMode.Additive, null, Map.of("tier", "gold")));
        awaitCondition(LicenseAssignment.class, "premium-gold", Conditions.READY, "True");
        awaitCondition(LicenseAssignment.class, "console-gold", Conditions.READY, "True");
        assertThat(holders(orgId, CC_PREMIUM)).hasSize(3);
        assertThat(licence(customerUser("cal"), ATTENDANT).orElseThrow().getAssignedBy()).isEqualTo("console-for-cal");

        edit(CustomerUser.class, "ben", u -> u.getMetadata().getLabels().put("tier", "silver"));
        await().atMost(TIMEOUT).until(() -> holders(orgId, CC_PREMIUM).size() == 2);
        awaitLicence("ben", ATTENDANT, LicenseState.Active);
        await().atMost(TIMEOUT).until(() -> licence(customerUser("ben"), CC_PREMIUM).isEmpty());
        assertThat(holders(orgId, ATTENDANT)).hasSize(3);

        client.resources(LicenseAssignment.class).inNamespace(namespace).withName("console-gold").delete();
        await().atMost(TIMEOUT).until(() -> holders(orgId, ATTENDANT).size() == 1);
        assertThat(personOf("cal").path("licenses").toString()).contains(ATTENDANT);
        assertThat(holders(orgId, CC_PREMIUM)).hasSize(2);
    }

    @Test
    void aDependencyAndAnExclusivityViolationAreTypedWhileTheOtherLicenceOfTheSameRequestApplies() {
        String orgId = readyCustomer("deps", "webex_meetings", "webex_calling");
        apply(assignment(namespace, "calling-standard", "deps", CALLING_STANDARD, LicenseMode.Additive, List.of("dee", "eve"), null));
        apply(assignment(namespace, "agents", "deps", CC_STANDARD, LicenseMode.Additive, List.of("dee", "eve"), null));
        int before = LocalHubResource.EXCHANGES.size();
        apply(user(namespace, "dee", "deps", "dee@deps.example.com", "webex_meetings", null));
        apply(user(namespace, "eve", "deps", "eve@deps.example.com", "webex_calling", "+12405557001"));

        UserLicense deeCalling = awaitLicence("dee", CALLING_STANDARD, LicenseState.Error);
        assertThat(deeCalling.getReason()).isEqualTo(LicenseFailureReason.DependencyViolation);
        assertThat(deeCalling.getError().getCode()).isEqualTo("400411");
        UserLicense eveCalling = awaitLicence("eve", CALLING_STANDARD, LicenseState.Error);
        assertThat(eveCalling.getReason()).isEqualTo(LicenseFailureReason.MutuallyExclusiveViolation);
        assertThat(eveCalling.getError().getCode()).isEqualTo("400404");
        awaitLicence("dee", CC_STANDARD, LicenseState.Active);
        awaitLicence("eve", CC_STANDARD, LicenseState.Active);
        assertThat(holders(orgId, CC_STANDARD)).hasSize(2);
        assertThat(LocalHubResource.EXCHANGES.subList(before, LocalHubResource.EXCHANGES.size()))
                .filteredOn(e -> e.path().equals("/v1/licenses/users") && e.requestBody().contains(orgId))
                .extracting(e -> e.status()).contains(206).doesNotContain(500);
        assertThat(condition(customerUser("dee"), Conditions.SYNCED).getMessage())
                .contains(CALLING_STANDARD + ": DependencyViolation (400411)");

        LicenseAssignment calling = awaitCondition(LicenseAssignment.class, "calling-standard", Conditions.READY, "False");
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(get(LicenseAssignment.class, "calling-standard")
                .getStatus().getFailures()).extracting(f -> f.getUser() + ":" + f.getReason())
                .containsExactlyInAnyOrder("dee:DependencyViolation", "eve:MutuallyExclusiveViolation"));
        assertThat(calling.getStatus().getLicenseId()).isNotBlank();
    }

    @Test
    void aSupervisorOnAStandardAgentIsRefusedClearlyAndNothingChangesUntilThePackageAllowsIt() {
        readyCustomer("cc", "cx_standard_agent", "cx_premium_agent");
        CustomerUser sam = user(namespace, "sam", "cc", "sam@cc.example.com", "cx_standard_agent", null);
        sam.getSpec().setRoles(List.of("Supervisor"));
        int subscribers = hubRecords("wholesaleSubscribers").size();
        apply(sam);

        CustomerUser stalled = awaitCondition(CustomerUser.class, "sam", Conditions.STALLED, "True");
        assertThat(condition(stalled, Conditions.STALLED).getReason()).isEqualTo("InvalidSpec");
        assertThat(condition(stalled, Conditions.STALLED).getMessage()).contains("spec.roles: Supervisor needs the Contact Center Premium Agent licence")
                .contains(CC_PREMIUM).contains("cx_premium_agent");
        assertThat(hubRecords("wholesaleSubscribers")).hasSize(subscribers);

        edit(CustomerUser.class, "sam", u -> {
            u.getSpec().setPackageName("cx_premium_agent");
            u.getSpec().setRoles(List.of("Administrator"));
        });
        awaitCondition(CustomerUser.class, "sam", Conditions.READY, "True");
        await().atMost(TIMEOUT).untilAsserted(() -> assertThat(personOf("sam").path("roles")).extracting(r -> new String(
                java.util.Base64.getUrlDecoder().decode(r.asText()), java.nio.charset.StandardCharsets.UTF_8))
                .containsExactlyInAnyOrder("ciscospark://us/ROLE/id_cc_supervisor", "ciscospark://us/ROLE/id_full_admin"));
    }

    @Test
    void anEmptySelectorSelectsEveryUserOfTheCustomerAndTwoAssignmentsThatDisagreeBothSaySo() {
        String orgId = readyCustomer("all", "webex_calling");
        apply(labelled(user(namespace, "ann", "all", "ann@all.example.com", "webex_calling", "+12405556001"),
                Map.of("tier", "gold")));
        apply(user(namespace, "ben", "all", "ben@all.example.com", "webex_calling", "+12405556002"));
        apply(assignment(namespace, "everyone", "all", ATTENDANT, LicenseMode.Additive, null, Map.of()));
        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> assertThat(get(LicenseAssignment.class,
                "everyone").getStatus().getSummary()).isEqualTo("2/2"));
        assertThat(holders(orgId, ATTENDANT)).hasSize(2);

        apply(assignment(namespace, "gold-only", "all", ATTENDANT, LicenseMode.Exclusive, null, Map.of("tier", "gold")));
        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> {
            assertThat(get(LicenseAssignment.class, "gold-only").getStatus().getConflicts()).singleElement().asString()
                    .startsWith("ben: assignment everyone gives the licence");
            assertThat(get(LicenseAssignment.class, "everyone").getStatus().getConflicts()).singleElement().asString()
                    .startsWith("ben: Exclusive assignment gold-only does not select this user");
        });
        assertThat(holders(orgId, ATTENDANT)).as("ben keeps the licence").hasSize(2);
    }

    @Test
    void anAssignmentThatNamesNoUserAndSelectsNothingIsInvalid() {
        readyCustomer("nobody", "webex_meetings");
        apply(assignment(namespace, "empty", "nobody", CC_STANDARD, LicenseMode.Additive, List.of(), null));
        LicenseAssignment empty = awaitCondition(LicenseAssignment.class, "empty", Conditions.STALLED, "True");
        assertThat(condition(empty, Conditions.STALLED).getReason()).isEqualTo("InvalidSpec");
        assertThat(condition(empty, Conditions.STALLED).getMessage()).contains("spec.users").contains("{} selects");
    }

    @Test
    void aSelectorRequirementWithoutAnOperatorIsInvalidNamingItAndTheCustomersUsersStillConverge() {
        readyCustomer("sloppy", "webex_meetings");
        apply(user(namespace, "cal", "sloppy", "cal@sloppy.example.com", "webex_meetings", null));
        LicenseAssignment broken = assignment(namespace, "broken", "sloppy", CC_STANDARD, LicenseMode.Additive,
                List.of(), null);
        broken.getSpec().getUsers().setSelector(new io.fabric8.kubernetes.api.model.LabelSelectorBuilder()
                .addNewMatchExpression().withKey("tier").withValues("gold").endMatchExpression().build());
        apply(broken);
        LicenseAssignment invalid = awaitCondition(LicenseAssignment.class, "broken", Conditions.STALLED, "True");
        assertThat(condition(invalid, Conditions.STALLED).getReason()).isEqualTo("InvalidSpec");
        assertThat(condition(invalid, Conditions.STALLED).getMessage())
                .contains("spec.users.selector.matchExpressions[0].operator").contains("In, NotIn, Exists");
        CustomerUser cal = awaitCondition(CustomerUser.class, "cal", Conditions.READY, "True");
        assertThat(condition(cal, Conditions.SYNCED).getStatus()).isEqualTo("True");
    }

    private String readyCustomer(String name, String... packages) {
        apply(wholesaleCustomer(namespace, name, "hub", packages));
        return awaitCondition(Customer.class, name, Conditions.READY, "True").getStatus().getOrgId();
    }

    private UserLicense awaitLicence(String user, String license, LicenseState state) {
        await().atMost(TIMEOUT).ignoreExceptions().untilAsserted(() -> assertThat(licence(customerUser(user), license)
                .orElseThrow().getState()).isEqualTo(state));
        return licence(customerUser(user), license).orElseThrow();
    }

    private static Optional<UserLicense> licence(CustomerUser user, String name) {
        return user.getStatus() == null ? Optional.empty()
                : user.getStatus().getLicenses().stream().filter(l -> name.equals(l.getLicense())).findFirst();
    }

    private JsonNode personOf(String userName) {
        String personId = customerUser(userName).getStatus().getPersonId();
        return hubRecords("people").stream().filter(p -> personId.equals(p.path("id").asText())).findFirst()
                .orElseThrow();
    }

}
