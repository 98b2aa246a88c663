package dev.partnerhub.operator.license;

import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.LicenseAssignment;
import dev.partnerhub.api.v1alpha1.LicenseFailureReason;
import dev.partnerhub.api.v1alpha1.LicenseState;
import dev.partnerhub.api.v1alpha1.ProviderError;
import dev.partnerhub.api.v1alpha1.UserLicense;
import dev.partnerhub.desired.LicensePlan;
import dev.partnerhub.desired.LicenseSelection;
import dev.partnerhub.providers.spi.model.LicenseRefusal;
import dev.partnerhub.providers.spi.model.RemoteLicense;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Pure construction of a user's {@code status.licenses} from a plan and what the provider answered. */
public final class LicenseEntries {

    private LicenseEntries() {
    }

    /** Before the user exists in the provider: each licence an assignment wants, Pending. */
    public static List<UserLicense> pending(CustomerUser user, Collection<LicenseAssignment> assignments) {
        List<UserLicense> entries = new ArrayList<>();
        for (LicenseAssignment a : assignments) {
            if (LicenseSelection.selects(a, user)) {
                UserLicense entry = new UserLicense();
                entry.setLicense(a.getSpec().getLicense());
                entry.setState(LicenseState.Pending);
                entry.setAssignedBy(a.getMetadata().getName());
                entries.add(entry);
            }
        }
        entries.sort(Comparator.comparing(UserLicense::getLicense));
        return entries;
    }

    /**
     * After the changes: every licence held or wanted. {@code refused} holds this round's refusals; a wanted
     * licence neither held nor refused now keeps the error it had.
     */
    public static List<UserLicense> of(CustomerUser user, LicensePlan plan, Set<String> held,
            Map<String, LicenseRefusal> refused, List<RemoteLicense> catalog, Set<String> packageLicenseIds,
            Set<String> liveAssignments, Set<String> removalsHeld) {
        Map<String, String> previousAssigners = LicensePlan.previousAssigners(user);
        Set<String> ids = new LinkedHashSet<>(held);
        ids.addAll(plan.wantedBy().keySet());
        List<UserLicense> entries = new ArrayList<>();
        for (String id : ids) {
            UserLicense entry = new UserLicense();
            entry.setLicenseId(id);
            entry.setLicense(catalog.stream().filter(l -> l.id().equals(id)).map(RemoteLicense::name).findFirst()
                    .orElse(id));
            entry.setAssignedBy(assignedBy(id, plan, previousAssigners.get(id), packageLicenseIds, liveAssignments));
            if (removalsHeld.contains(id)) {
                entry.setState(LicenseState.RemovalHeld);
            } else if (held.contains(id)) {
                entry.setState(LicenseState.Active);
            } else if (refused.containsKey(id)) {
                failed(entry, refused.get(id));
            } else {
                keepPreviousError(user, id, entry);
            }
            entries.add(entry);
        }
        entries.sort(Comparator.comparing(UserLicense::getLicense));
        return entries;
    }

    /**
     * Who assigned a licence. An assignment is credited only with what the operator added for it, so that
     * deleting it takes back nothing the user held before: a licence held before any assignment wanted it
     * stays credited to the package, or to nobody.
     */
    static String assignedBy(String id, LicensePlan plan, String previous, Set<String> packageIds,
            Set<String> liveAssignments) {
        String wanting = plan.wantedBy().get(id);
        if (plan.add().contains(id)) {
            return wanting;
        }
        if (packageIds.contains(id)) {
            return LicenseBasis.PACKAGE;
        }
        boolean previousLive = previous != null && liveAssignments.contains(previous);
        if (previousLive && (wanting == null || wanting.equals(previous))) {
            return previous;
        }
        return previous != null && wanting != null ? wanting : previousLive ? previous : null;
    }

    private static void failed(UserLicense entry, LicenseRefusal refusal) {
        entry.setState(LicenseState.Error);
        entry.setReason(reason(refusal.reason()));
        entry.setError(new ProviderError(refusal.error().code(), refusal.error().description(),
                refusal.error().trackingId()));
    }

    private static void keepPreviousError(CustomerUser user, String id, UserLicense entry) {
        UserLicense previous = user.getStatus() == null ? null : user.getStatus().getLicenses().stream()
                .filter(l -> id.equals(l.getLicenseId()) && l.getState() == LicenseState.Error).findFirst()
                .orElse(null);
        entry.setState(previous == null ? LicenseState.Pending : LicenseState.Error);
        if (previous != null) {
            entry.setReason(previous.getReason());
            entry.setError(previous.getError());
        }
    }

    public static LicenseFailureReason reason(LicenseRefusal.Reason reason) {
        return switch (reason) {
            case COUNT_VIOLATION -> LicenseFailureReason.CountViolation;
            case DEPENDENCY_VIOLATION -> LicenseFailureReason.DependencyViolation;
            case MUTUALLY_EXCLUSIVE_VIOLATION -> LicenseFailureReason.MutuallyExclusiveViolation;
            case OTHER -> LicenseFailureReason.Other;
        };
    }
}
