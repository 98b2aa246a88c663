package dev.partnerhub.operator.license;

import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.LicenseAssignment;
import dev.partnerhub.api.v1alpha1.LicenseAssignmentStatus;
import dev.partnerhub.api.v1alpha1.LicenseFailure;
import dev.partnerhub.api.v1alpha1.LicenseFailureReason;
import dev.partnerhub.api.v1alpha1.LicenseMode;
import dev.partnerhub.api.v1alpha1.LicenseState;
import dev.partnerhub.api.v1alpha1.UserLicense;
import dev.partnerhub.desired.LicenseSelection;
import dev.partnerhub.operator.ownership.CreatedWith;
import dev.partnerhub.providers.spi.auth.Redaction;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** Pure count of an assignment's users from what their own statuses say about its licence. */
public final class AssignmentTally {

    static final int MAX_FAILURES = 10;

    private AssignmentTally() {
    }

    /**
     * Fills selected, assigned, pending, failed, summary and the first failures of the status, and answers how many
     * of the pending users wait for a person of their own (an activation link not yet opened), not for the operator.
     */
    public static int count(LicenseAssignment assignment, String licenseId, Collection<CustomerUser> customerUsers,
            LicenseAssignmentStatus status) {
        List<CustomerUser> selected = LicenseSelection.selected(assignment, customerUsers);
        List<LicenseFailure> failures = new ArrayList<>();
        int assigned = 0;
        int pending = 0;
        int awaitingPerson = 0;
        for (CustomerUser user : selected) {
            Optional<UserLicense> entry = entry(user, licenseId, assignment);
            LicenseState state = entry.map(UserLicense::getState).orElse(LicenseState.Pending);
            if (state == LicenseState.Active) {
                assigned++;
            } else if (state == LicenseState.Error) {
                UserLicense e = entry.get();
                failures.add(failure(user.getMetadata().getName(), e.getReason(),
                        e.getError() == null ? null : e.getError().getCode(),
                        e.getError() == null ? null : e.getError().getDescription()));
            } else {
                pending++;
                if (user.getStatus() != null && user.getStatus().getActivation() != null
                        && user.getStatus().getActivation().getState().isPending()) {
                    awaitingPerson++;
                }
            }
        }
        Set<String> names = customerUsers.stream().map(u -> u.getMetadata().getName()).collect(Collectors.toSet());
        List<String> requested = assignment.getSpec().getUsers() == null ? List.of()
                : assignment.getSpec().getUsers().getNames();
        requested.stream().filter(n -> !names.contains(n)).sorted().forEach(n -> failures.add(failure(n,
                LicenseFailureReason.Other, null, "spec.users.names: no CustomerUser " + n + " of Customer "
                        + CreatedWith.customerName(assignment) + " in this namespace.")));
        status.setRemovalsHeld(assignment.getSpec().getMode() != LicenseMode.Exclusive ? 0
                : (int) customerUsers.stream().filter(u -> LicenseSelection.sameCustomer(assignment, u))
                        .filter(u -> !selected.contains(u))
                        .filter(u -> u.getStatus() != null && u.getStatus().getLicenses().stream()
                                .anyMatch(l -> licenseId.equals(l.getLicenseId())
                                        && l.getState() == LicenseState.RemovalHeld))
                        .count());
        status.setSelected(selected.size());
        status.setAssigned(assigned);
        status.setPending(pending);
        status.setFailed(failures.size());
        status.setSummary(assigned + "/" + selected.size());
        status.setFailures(failures.stream().limit(MAX_FAILURES).toList());
        return awaitingPerson;
    }

    private static Optional<UserLicense> entry(CustomerUser user, String licenseId, LicenseAssignment assignment) {
        if (user.getStatus() == null) {
            return Optional.empty();
        }
        return user.getStatus().getLicenses().stream()
                .filter(l -> licenseId.equals(l.getLicenseId()) || l.getLicenseId() == null
                        && assignment.getMetadata().getName().equals(l.getAssignedBy()))
                .findFirst();
    }

    private static LicenseFailure failure(String user, LicenseFailureReason reason, String code, String message) {
        LicenseFailure f = new LicenseFailure();
        f.setUser(user);
        f.setReason(reason);
        f.setCode(code);
        f.setMessage(Redaction.apply(message));
        return f;
    }
}
