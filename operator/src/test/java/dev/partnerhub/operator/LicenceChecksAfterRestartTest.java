package dev.partnerhub.operator;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.CustomerUserStatus;
import dev.partnerhub.api.v1alpha1.LicenseAssignment;
import dev.partnerhub.api.v1alpha1.LicenseMode;
import dev.partnerhub.api.v1alpha1.LicenseState;
import dev.partnerhub.api.v1alpha1.UserLicense;
import dev.partnerhub.operator.ownership.DeletionBudget;
import dev.partnerhub.operator.provider.LicenseDirectory;
import dev.partnerhub.operator.provider.RemoteChanges;
import dev.partnerhub.operator.provider.Resolved;
import dev.partnerhub.operator.shard.Shard;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.operator.user.UserLicensing;
import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.providers.spi.model.CustomerScope;
import dev.partnerhub.providers.spi.model.RemoteCustomer;
import dev.partnerhub.providers.spi.model.RemoteUser;
import dev.partnerhub.providers.spi.model.UserRequest;
import dev.partnerhub.sandbox.AdjustableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A restarted operator holds no licence catalogue. A converged user whose inputs did not change is checked against
 * the licences its status lists, so that a restart reads one people list per org and no catalogue; anything else
 * (an input changed, a licence held that the status does not list, the first catalogue period over) reads it.
 */
class LicenceChecksAfterRestartTest {

    private static final String NS = "restart";
    private static final String MEETINGS = "Meeting - Webex Meetings";

    private final OperatorConfig config = TestConfig.defaults();
    private final AdjustableClock clock = AdjustableClock.standing();
    private HubUnderTest hub;
    private Provider webex;
    private Resolved target;
    private CustomerUser user;
    private final List<LicenseAssignment> assignments = new ArrayList<>();

    @BeforeEach
    void aConvergedUser() throws Exception {
        hub = HubUnderTest.start(Duration.ZERO);
        webex = hub.webex();
        RemoteCustomer customer = TestProviders.readyCustomer(webex, "restart", "webex_calling", "webex_meetings");
        target = new Resolved("restart/hub", webex, new CustomerScope(customer.id()), customer.orgId(), null, null,
                null);
        String email = "ana@restart.example.com";
        RemoteUser remote = webex.users().create(target.scope(), new UserRequest(email, email, "Ana", "Tester", null,
                "webex_meetings", null, "2001", null, null, null, null));
        user = Fixtures.labelled(Fixtures.user(NS, "ana", "acme", email, "webex_meetings", null),
                Map.of("team", "sales"));
        user.getSpec().setExtension("2001");
        user.getMetadata().setUid("uid-ana");
        user.getMetadata().setGeneration(1L);
        CustomerUserStatus status = new CustomerUserStatus();
        status.setPersonId(remote.personId());
        user.setStatus(status);
        assignments.add(assignment("professional", "Webex Calling - Professional", Map.of("team", "sales")));

        converge(freshOperator(), null);
        assertThat(user.getStatus().getLicenses()).extracting(UserLicense::getLicense, UserLicense::getState,
                UserLicense::getAssignedBy).contains(org.assertj.core.groups.Tuple.tuple(MEETINGS, LicenseState.Active,
                        "package"), org.assertj.core.groups.Tuple.tuple("Webex Calling - Professional",
                                LicenseState.Active, "professional"));
        assertThat(user.getStatus().getLicensesBasis()).isNotBlank();
    }

    @AfterEach
    void stopTheHub() {
        hub.close();
    }

    @Test
    void aConvergedUserIsCheckedAgainstItsStatusAndItsPeopleListOnly() {
        List<UserLicense> before = user.getStatus().getLicenses();
        hub.clear();

        converge(freshOperator(), Duration.ofMinutes(10));

        assertThat(hub.calls()).as("a drift check after a restart").containsExactly("GET /v1/people");
        assertThat(user.getStatus().getLicenses()).as("the same, a package's meetings licence still the package's")
                .extracting(UserLicense::getLicense, UserLicense::getLicenseId, UserLicense::getState,
                        UserLicense::getAssignedBy)
                .containsExactlyElementsOf(before.stream().map(l -> org.assertj.core.groups.Tuple.tuple(l.getLicense(),
                        l.getLicenseId(), l.getState(), l.getAssignedBy())).toList());
    }

    @Test
    void aChangedAssignmentAChangedLabelOrANewAssignmentReadsTheCatalogue() {
        String basis = user.getStatus().getLicensesBasis();
        assignments.get(0).getMetadata().setGeneration(2L);
        assertThat(checkAfterRestart()).as("an assignment edited while the operator was down")
                .contains("GET /v1/licenses");

        assignments.get(0).getMetadata().setGeneration(1L);
        user.getStatus().setLicensesBasis(basis);
        user.getMetadata().getLabels().put("team", "support");
        assertThat(checkAfterRestart()).as("a label changed").contains("GET /v1/licenses");

        user.getMetadata().getLabels().put("team", "sales");
        user.getStatus().setLicensesBasis(basis);
        assignments.add(assignment("attendant", "Webex Attendant Console", Map.of("team", "sales")));
        assertThat(checkAfterRestart()).as("an assignment added").contains("GET /v1/licenses");
    }

    @Test
    void aLicenceNotListedAnEntryNotActiveOrTheEndOfTheFirstCataloguePeriodReadsTheCatalogue() {
        List<UserLicense> listed = user.getStatus().getLicenses();
        user.getStatus().setLicenses(listed.subList(1, listed.size()));
        assertThat(checkAfterRestart()).as("the person holds a licence the status does not list")
                .contains("GET /v1/licenses");

        user.getStatus().getLicenses().get(0).setState(LicenseState.Pending);
        assertThat(checkAfterRestart()).as("an entry not Active").contains("GET /v1/licenses");

        UserLicensing restarted = freshOperator();
        clock.advance(config.directory().catalogue().plusSeconds(1));
        hub.clear();
        converge(restarted, Duration.ofMinutes(10));
        assertThat(hub.reads()).as("an hour after the start").contains("/v1/licenses");
    }

    private List<String> checkAfterRestart() {
        hub.clear();
        converge(freshOperator(), Duration.ofMinutes(10));
        return hub.calls();
    }

    /** What a started operator has of licences: nothing read yet. No licence is taken away here (no budget read). */
    private UserLicensing freshOperator() {
        LicenseDirectory directory = new LicenseDirectory(config, clock, new RemoteChanges());
        return new UserLicensing(directory, new DeletionBudget(null, clock, new Shard(config, null),
                new io.micrometer.core.instrument.simple.SimpleMeterRegistry()), config, clock);
    }

    private void converge(UserLicensing licensing, Duration tolerance) {
        CustomerUserStatus status = new CustomerUserStatus();
        status.setPersonId(user.getStatus().getPersonId());
        status.setLicenses(user.getStatus().getLicenses());
        status.setLicensesBasis(user.getStatus().getLicensesBasis());
        status.setActivation(new dev.partnerhub.api.v1alpha1.Activation());
        licensing.converge(user, tolerance == null ? target : target.tolerating(tolerance), status,
                Conditions.builder(), assignments);
        user.setStatus(status);
    }

    private static LicenseAssignment assignment(String name, String license, Map<String, String> selector) {
        LicenseAssignment a = Fixtures.assignment(NS, name, "acme", license, LicenseMode.Additive, null, selector);
        a.getMetadata().setUid("uid-" + name);
        a.getMetadata().setGeneration(1L);
        a.getMetadata().setCreationTimestamp("2026-12-05T00:00:00Z");
        return a;
    }
}
