package dev.partnerhub.operator.license;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.api.v1alpha1.CustomerRef;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.CustomerUserSpec;
import dev.partnerhub.api.v1alpha1.CustomerUserStatus;
import dev.partnerhub.api.v1alpha1.LicenseAssignment;
import dev.partnerhub.api.v1alpha1.LicenseAssignmentSpec;
import dev.partnerhub.api.v1alpha1.LicenseMode;
import dev.partnerhub.api.v1alpha1.LicenseState;
import dev.partnerhub.api.v1alpha1.LicenseUsers;
import dev.partnerhub.api.v1alpha1.UserLicense;
import dev.partnerhub.desired.LicensePlan;
import dev.partnerhub.providers.spi.model.RemoteLicense;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LicensePlanTest {

    private static final List<RemoteLicense> CATALOG = List.of(new RemoteLicense("cc", "Contact center Standard Agent",
            10, 0), new RemoteLicense("ac", "Webex Attendant Console", 10, 0), new RemoteLicense("msg",
            "Advanced Messaging", 10, 0));

    @Test
    void aSelectingAssignmentAddsItsLicenceByNameOrId() {
        CustomerUser ann = user("ann", Map.of("team", "support"), List.of());
        LicensePlan plan = LicensePlan.of(ann, List.of(assignment("by-label", "Contact center Standard Agent",
                LicenseMode.Additive, null, Map.of("team", "support")), assignment("by-id", "ac", LicenseMode.Additive,
                List.of("ann"), null)), Set.of(), CATALOG, Set.of());
        assertThat(plan.add()).containsExactlyInAnyOrder("cc", "ac");
        assertThat(plan.wantedBy()).containsEntry("cc", "by-label").containsEntry("ac", "by-id");
        assertThat(plan.remove()).isEmpty();
    }

    @Test
    void exclusiveTakesItsLicenceFromAnUnselectedUserButNeverWhatThePackageBrings() {
        CustomerUser ben = user("ben", Map.of("team", "sales"), List.of(entry("cc", "cc-excl")));
        List<LicenseAssignment> assignments = List.of(assignment("cc-excl", "cc", LicenseMode.Exclusive, null,
                Map.of("team", "support")), assignment("msg-excl", "msg", LicenseMode.Exclusive, null,
                Map.of("team", "support")));
        LicensePlan plan = LicensePlan.of(ben, assignments, Set.of("cc", "msg"), CATALOG, Set.of("msg"));
        assertThat(plan.remove()).containsExactly("cc");
    }

    @Test
    void exclusiveNeverTakesALicenceTheOperatorDidNotGive() {
        CustomerUser dee = user("dee", Map.of("team", "sales"), List.of(entry("cc", null)));
        LicensePlan plan = LicensePlan.of(dee, List.of(assignment("cc-excl", "cc", LicenseMode.Exclusive, null,
                Map.of("team", "support"))), Set.of("cc"), CATALOG, Set.of());
        assertThat(plan.remove()).isEmpty();
    }

    @Test
    void additiveNeverTakesBackButADeletedAssignmentTakesBackWhatItAssigned() {
        CustomerUser cal = user("cal", Map.of(), List.of(entry("cc", "gone"), entry("ac", "still-here")));
        LicenseAssignment stillHere = assignment("still-here", "ac", LicenseMode.Additive, List.of("someone-else"), null);
        LicensePlan plan = LicensePlan.of(cal, List.of(stillHere), Set.of("cc", "ac"), CATALOG, Set.of());
        assertThat(plan.remove()).containsExactly("cc");
    }

    @Test
    void anAssignmentIsCreditedOnlyWithWhatTheOperatorAddedForIt() {
        LicensePlan added = new LicensePlan(Map.of("cc", "la"), List.of("cc"), List.of());
        assertThat(LicenseEntries.assignedBy("cc", added, null, Set.of(), Set.of("la"))).isEqualTo("la");
        LicensePlan alreadyHeld = new LicensePlan(Map.of("cc", "la"), List.of(), List.of());
        assertThat(LicenseEntries.assignedBy("cc", alreadyHeld, null, Set.of(), Set.of("la"))).isNull();
        assertThat(LicenseEntries.assignedBy("cc", alreadyHeld, "la", Set.of(), Set.of("la"))).isEqualTo("la");
        assertThat(LicenseEntries.assignedBy("cc", alreadyHeld, "old", Set.of(), Set.of("la"))).isEqualTo("la");
        assertThat(LicenseEntries.assignedBy("msg", alreadyHeld, null, Set.of("msg"), Set.of("la"))).isEqualTo("package");
        LicensePlan none = new LicensePlan(Map.of(), List.of(), List.of());
        assertThat(LicenseEntries.assignedBy("ac", none, "additive", Set.of(), Set.of("additive")))
                .isEqualTo("additive");
    }

    private static CustomerUser user(String name, Map<String, String> labels, List<UserLicense> licences) {
        CustomerUser u = new CustomerUser();
        u.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("ns").withLabels(labels).build());
        CustomerUserSpec spec = new CustomerUserSpec();
        CustomerRef ref = new CustomerRef();
        ref.setName("acme");
        spec.setCustomerRef(ref);
        u.setSpec(spec);
        CustomerUserStatus status = new CustomerUserStatus();
        status.setLicenses(licences);
        u.setStatus(status);
        return u;
    }

    private static UserLicense entry(String id, String assignedBy) {
        UserLicense l = new UserLicense();
        l.setLicenseId(id);
        l.setLicense(id);
        l.setState(LicenseState.Active);
        l.setAssignedBy(assignedBy);
        return l;
    }

    private static LicenseAssignment assignment(String name, String license, LicenseMode mode, List<String> names,
            Map<String, String> labels) {
        LicenseAssignment a = new LicenseAssignment();
        a.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("ns").build());
        LicenseAssignmentSpec spec = new LicenseAssignmentSpec();
        CustomerRef ref = new CustomerRef();
        ref.setName("acme");
        spec.setCustomerRef(ref);
        spec.setLicense(license);
        spec.setMode(mode);
        LicenseUsers users = new LicenseUsers();
        users.setNames(names == null ? List.of() : names);
        users.setSelector(labels == null ? null : new LabelSelectorBuilder().withMatchLabels(labels).build());
        spec.setUsers(users);
        a.setSpec(spec);
        return a;
    }
}
