package dev.partnerhub.operator.license;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.api.v1alpha1.CustomerRef;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.CustomerUserSpec;
import dev.partnerhub.api.v1alpha1.LicenseAssignment;
import dev.partnerhub.api.v1alpha1.LicenseAssignmentSpec;
import dev.partnerhub.api.v1alpha1.LicenseMode;
import dev.partnerhub.api.v1alpha1.LicenseUsers;
import io.fabric8.kubernetes.api.model.LabelSelectorBuilder;
import io.fabric8.kubernetes.api.model.ObjectMetaBuilder;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Two assignments of one licence that disagree about a user: each says so, whatever order they come in. */
class LicenseConflictsTest {

    @Test
    void anAdditiveAssignmentForEveryoneAndAnExclusiveOneForSomeDisagreeAboutTheOthers() {
        LicenseAssignment everyone = assignment("everyone", LicenseMode.Additive, Map.of(), "uid-1");
        LicenseAssignment gold = assignment("gold-only", LicenseMode.Exclusive, Map.of("tier", "gold"), "uid-2");
        CustomerUser ann = user("ann", Map.of("tier", "gold"));
        CustomerUser ben = user("ben", null);
        List<LicenseAssignment> all = List.of(everyone, gold);
        List<CustomerUser> users = List.of(ann, ben);

        assertThat(LicenseConflicts.of(gold, "L1", all, users, a -> Optional.of("L1"))).singleElement().asString()
                .startsWith("ben: assignment everyone gives the licence");
        assertThat(LicenseConflicts.of(everyone, "L1", all, users, a -> Optional.of("L1"))).singleElement().asString()
                .startsWith("ben: Exclusive assignment gold-only does not select this user");
    }

    private static LicenseAssignment assignment(String name, LicenseMode mode, Map<String, String> labels,
            String uid) {
        LicenseAssignment a = new LicenseAssignment();
        a.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("ns").withUid(uid).build());
        LicenseAssignmentSpec spec = new LicenseAssignmentSpec();
        CustomerRef ref = new CustomerRef();
        ref.setName("all");
        spec.setCustomerRef(ref);
        spec.setLicense("Webex Attendant Console");
        spec.setMode(mode);
        LicenseUsers users = new LicenseUsers();
        users.setSelector(new LabelSelectorBuilder().withMatchLabels(labels).build());
        spec.setUsers(users);
        a.setSpec(spec);
        return a;
    }

    private static CustomerUser user(String name, Map<String, String> labels) {
        CustomerUser u = new CustomerUser();
        u.setMetadata(new ObjectMetaBuilder().withName(name).withNamespace("ns").withLabels(labels).build());
        CustomerUserSpec spec = new CustomerUserSpec();
        CustomerRef ref = new CustomerRef();
        ref.setName("all");
        spec.setCustomerRef(ref);
        u.setSpec(spec);
        return u;
    }
}
