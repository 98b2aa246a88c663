package dev.partnerhub.operator.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.api.v1alpha1.ContactCenterRole;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RolePlanTest {

    private static final Map<String, String> ROLES = Map.of("Supervisor", "r-sup", "Full Administrator", "r-admin",
            "User Administrator", "r-user-admin");

    /** As Webex maps them: a supervisor holds Supervisor; an administrator Supervisor and Full Administrator. */
    private static RolePlan plan(List<ContactCenterRole> spec, List<String> granted, List<String> held) {
        java.util.Set<String> wanted = new java.util.LinkedHashSet<>();
        if (spec.contains(ContactCenterRole.Supervisor) || spec.contains(ContactCenterRole.Administrator)) {
            wanted.add("Supervisor");
        }
        if (spec.contains(ContactCenterRole.Administrator)) {
            wanted.add("Full Administrator");
        }
        return RolePlan.of(wanted, granted, held, ROLES);
    }

    @Test
    void anAdoptedAdministratorWithoutRolesInTheSpecKeepsThem() {
        RolePlan plan = plan(List.of(), List.of(), List.of("r-admin", "r-sup"));
        assertThat(plan.roleIds()).isNull();
        assertThat(plan.granted()).isEmpty();
    }

    @Test
    void aWantedRoleIsGivenAndRecordedAndOnlyWhatWasGivenIsTakenAway() {
        RolePlan given = plan(List.of(ContactCenterRole.Administrator), List.of(), List.of("r-user-admin", "r-sup"));
        assertThat(given.roleIds()).containsExactlyInAnyOrder("r-user-admin", "r-sup", "r-admin");
        assertThat(given.granted()).containsExactly("Full Administrator");

        RolePlan withdrawn = plan(List.of(), given.granted(), List.copyOf(given.roleIds()));
        assertThat(withdrawn.roleIds()).isEqualTo(Set.of("r-user-admin", "r-sup"));
        assertThat(withdrawn.granted()).isEmpty();
    }

    @Test
    void aGrantedRoleTakenAwayBehindTheOperatorsBackIsGivenAgain() {
        RolePlan plan = plan(List.of(ContactCenterRole.Supervisor), List.of("Supervisor"), List.of());
        assertThat(plan.roleIds()).containsExactly("r-sup");
        assertThat(plan.granted()).containsExactly("Supervisor");
        assertThat(plan(List.of(ContactCenterRole.Supervisor), List.of("Supervisor"), List.of("r-sup")).roleIds())
                .isNull();
    }
}
