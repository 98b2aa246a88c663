package dev.partnerhub.operator.license;

import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.LicenseAssignment;
import dev.partnerhub.api.v1alpha1.LicenseMode;
import dev.partnerhub.api.v1alpha1.LicenseState;
import dev.partnerhub.desired.LicenseSelection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Pure: the users about whom an assignment and another of its customer disagree on one licence (one gives it, an
 * Exclusive one does not select the user), and those an Exclusive assignment leaves a licence it did not give.
 * The licence stays in every case; both assignments say so in their status.
 */
final class LicenseConflicts {

    static final int LISTED = 10;

    private LicenseConflicts() {
    }

    /**
     * @param licenseIdOf resolves another assignment's licence (by name or ID) in the org's catalogue
     */
    static List<String> of(LicenseAssignment assignment, String licenseId, Collection<LicenseAssignment> all,
            Collection<CustomerUser> users, Function<LicenseAssignment, Optional<String>> licenseIdOf) {
        List<LicenseAssignment> others = all.stream().filter(LicenseSelection::live)
                .filter(o -> !o.getMetadata().getUid().equals(assignment.getMetadata().getUid()))
                .filter(o -> o.getMetadata().getNamespace().equals(assignment.getMetadata().getNamespace()))
                .filter(o -> licenseIdOf.apply(o).map(licenseId::equals).orElse(false))
                .toList();
        boolean exclusive = assignment.getSpec().getMode() == LicenseMode.Exclusive;
        List<String> conflicts = new ArrayList<>();
        for (CustomerUser user : users) {
            if (!LicenseSelection.sameCustomer(assignment, user)) {
                continue;
            }
            String name = user.getMetadata().getName();
            boolean mine = LicenseSelection.selects(assignment, user);
            for (LicenseAssignment other : others) {
                boolean theirs = LicenseSelection.selects(other, user);
                if (mine && !theirs && other.getSpec().getMode() == LicenseMode.Exclusive) {
                    conflicts.add(name + ": Exclusive assignment " + other.getMetadata().getName() + " does not select "
                            + "this user, but this one gives the licence; the user keeps it.");
                } else if (!mine && theirs && exclusive) {
                    conflicts.add(name + ": assignment " + other.getMetadata().getName() + " gives the licence this "
                            + "Exclusive assignment does not select the user for; the user keeps it.");
                }
            }
            if (exclusive && !mine && heldFromOutside(user, licenseId)) {
                conflicts.add(name + ": holds the licence from outside the operator, which never takes away what it "
                        + "did not give.");
            }
        }
        return conflicts.stream().sorted().limit(LISTED).toList();
    }

    private static boolean heldFromOutside(CustomerUser user, String licenseId) {
        return user.getStatus() != null && user.getStatus().getLicenses().stream()
                .anyMatch(l -> licenseId.equals(l.getLicenseId()) && l.getState() == LicenseState.Active
                        && l.getAssignedBy() == null);
    }
}
