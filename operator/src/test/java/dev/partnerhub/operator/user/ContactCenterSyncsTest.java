package dev.partnerhub.operator.user;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.api.v1alpha1.CustomerUserStatus;
import dev.partnerhub.api.v1alpha1.UserLicense;
import dev.partnerhub.providers.spi.ContactCenter;
import dev.partnerhub.providers.spi.model.RemotePerson;
import dev.partnerhub.providers.spi.model.UserDetails;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What a Contact Center sync is for: a change of it, and only of it, makes the next sync. */
class ContactCenterSyncsTest {

    private static final List<String[]> LISTED = List.of(new String[] {"L1", "Meeting - Webex Meetings"},
            new String[] {"L2", "Contact center Standard Agent"}, new String[] {"L3", "Contact Center Premium Agent"});

    private static final ContactCenter CONTACT_CENTER = new ContactCenter() {
        @Override
        public boolean covers(String licenseName) {
            return licenseName.startsWith("Contact Center");
        }

        @Override
        public Sync sync(String orgId, String personId) {
            throw new AssertionError("not called");
        }
    };

    @Test
    void contactCenterLicencesAndGrantedRolesByNameInAStableOrder() {
        CustomerUserStatus status = new CustomerUserStatus();
        status.setLicenses(LISTED.stream().map(l -> {
            UserLicense entry = new UserLicense();
            entry.setLicenseId(l[0]);
            entry.setLicense(l[1]);
            return entry;
        }).toList());
        assertThat(ContactCenterSyncs.holds(CONTACT_CENTER, person("L1"), status)).isEqualTo("(none)");
        assertThat(ContactCenterSyncs.holds(CONTACT_CENTER, person("L1", "L3"), status))
                .isEqualTo("Contact Center Premium Agent");
        status.setGrantedRoles(List.of("Full Administrator", "Contact Center Supervisor"));
        assertThat(ContactCenterSyncs.holds(CONTACT_CENTER, person("L3", "L1"), status))
                .as("a role change is a change").isEqualTo("Contact Center Premium Agent, Contact Center Supervisor, "
                        + "Full Administrator");
    }

    private static RemotePerson person(String... licenses) {
        return new RemotePerson("P1", "a@example.com", List.of(licenses), List.of(), UserDetails.NONE);
    }
}
