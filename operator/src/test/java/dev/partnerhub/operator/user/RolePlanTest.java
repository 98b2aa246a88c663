package dev.partnerhub.operator.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RolePlanTest {

    private static final Map<String, String> ROLES = Map.of("Supervisor", "r-sup", "Full Administrator", "r-admin",
            "User Administrator", "r-user-admin");

    /** As Webex maps them: a supervisor holds Supervisor; an administrator Supervisor and Full Administrator. */
    private static RolePlan plan(List<String> spec, List<String> granted, List<String> held) {
        java.util.Set<String> wanted = new java.util.LinkedHashSet<>();
        if (spec.contains("Supervisor") || spec.contains("Administrator")) {
            wanted.add("Supervisor");
        }
        if (spec.contains("Administrator")) {
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
        RolePlan given = plan(List.of("Administrator"), List.of(), List.of("r-user-admin", "r-sup"));
        assertThat(given.roleIds()).containsExactlyInAnyOrder("r-user-admin", "r-sup", "r-admin");
        assertThat(given.granted()).containsExactly("Full Administrator");

        RolePlan withdrawn = plan(List.of(), given.granted(), List.copyOf(given.roleIds()));
        assertThat(withdrawn.roleIds()).isEqualTo(Set.of("r-user-admin", "r-sup"));
        assertThat(withdrawn.granted()).isEmpty();
    }

    @Test
    void aGrantedRoleTakenAwayBehindTheOperatorsBackIsGivenAgain() {
        RolePlan plan = plan(List.of("Supervisor"), List.of("Supervisor"), List.of());
        assertThat(plan.roleIds()).containsExactly("r-sup");
        assertThat(plan.granted()).containsExactly("Supervisor");
        assertThat(plan(List.of("Supervisor"), List.of("Supervisor"), List.of("r-sup")).roleIds())
                .isNull();
    }
}
