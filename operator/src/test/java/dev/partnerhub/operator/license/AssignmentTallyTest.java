package dev.partnerhub.operator.license;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.api.v1alpha1.Activation;
import dev.partnerhub.api.v1alpha1.ActivationState;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.CustomerUserStatus;
import dev.partnerhub.api.v1alpha1.LicenseAssignment;
import dev.partnerhub.api.v1alpha1.LicenseAssignmentStatus;
import dev.partnerhub.api.v1alpha1.LicenseMode;
import dev.partnerhub.operator.Fixtures;
import java.util.List;
import org.junit.jupiter.api.Test;

/** An assignment's count of its users, and of those among the pending who wait for a person of their own. */
class AssignmentTallyTest {

    @Test
    void onlyUsersInAPendingActivationStateCountAsAwaitingAPerson() {
        LicenseAssignment assignment = Fixtures.assignment("ns", "agents", "acme", "L1", LicenseMode.Additive,
                List.of("ann", "ben", "cy"), null);
        List<CustomerUser> users = List.of(user("ann", ActivationState.PendingEmailInput),
                user("ben", ActivationState.Provisioning), user("cy", ActivationState.PendingEmailValidation));
        LicenseAssignmentStatus status = new LicenseAssignmentStatus();

        int awaitingPerson = AssignmentTally.count(assignment, "L1", users, status);

        assertThat(status.getPending()).isEqualTo(3);
        assertThat(awaitingPerson).isEqualTo(2);
    }

    private static CustomerUser user(String name, ActivationState state) {
        CustomerUser u = Fixtures.user("ns", name, "acme", name + "@acme.example.com", "webex_meetings", null);
        CustomerUserStatus status = new CustomerUserStatus();
        Activation activation = new Activation();
        activation.setState(state);
        status.setActivation(activation);
        u.setStatus(status);
        return u;
    }
}
