package dev.partnerhub.desired;

import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.LicenseAssignment;
import dev.partnerhub.api.v1alpha1.LicenseMode;
import dev.partnerhub.api.v1alpha1.UserLicense;
import dev.partnerhub.providers.spi.model.RemoteLicense;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The licence changes one user needs, as a pure function of the assignments of its customer, what the user
 * holds, what its package brings, and what the operator assigned before (its status). An assignment that
 * selects the user wants its licence; an {@code Exclusive} one takes its licence from users it does not
 * select; a deleted one takes back what it assigned; {@code Additive} never takes anything back. Only a licence the
 * operator gave (credited to an assignment in the user's status) is ever taken away: never one the package brings,
 * never one the user held before.
 */
public record LicensePlan(Map<String, String> wantedBy, List<String> add, List<String> remove) {

    /** @param assignments every assignment of the user's namespace (the plan keeps its customer's) */
    public static LicensePlan of(CustomerUser user, Collection<LicenseAssignment> assignments, Set<String> held,
            List<RemoteLicense> catalog, Set<String> packageLicenseIds) {
        Map<String, String> wantedBy = new LinkedHashMap<>();
        for (LicenseAssignment a : sorted(assignments)) {
            if (LicenseSelection.selects(a, user)) {
                LicenseSelection.resolve(a.getSpec().getLicense(), catalog)
                        .ifPresent(l -> wantedBy.putIfAbsent(l.id(), a.getMetadata().getName()));
            }
        }
        Set<String> liveNames = assignments.stream().filter(LicenseSelection::live)
                .filter(a -> LicenseSelection.sameCustomer(a, user)).map(a -> a.getMetadata().getName())
                .collect(Collectors.toSet());
        Map<String, String> previouslyAssignedBy = previousAssigners(user);
        List<String> remove = new ArrayList<>();
        for (String id : held) {
            if (wantedBy.containsKey(id) || packageLicenseIds.contains(id)) {
                continue;
            }
            String assigner = previouslyAssignedBy.get(id);
            boolean granted = assigner != null && !"package".equals(assigner);
            boolean assignerGone = granted && !liveNames.contains(assigner);
            boolean excluded = granted && assignments.stream().filter(LicenseSelection::live)
                    .filter(LicenseSelection::valid)
                    .filter(a -> LicenseSelection.sameCustomer(a, user))
                    .filter(a -> a.getSpec().getMode() == LicenseMode.Exclusive)
                    .anyMatch(a -> LicenseSelection.resolve(a.getSpec().getLicense(), catalog)
                            .map(l -> l.id().equals(id)).orElse(false));
            if (assignerGone || excluded) {
                remove.add(id);
            }
        }
        List<String> add = wantedBy.keySet().stream().filter(id -> !held.contains(id)).toList();
        return new LicensePlan(wantedBy, add, remove);
    }

    /** Who assigned each licence the user's status lists, as the operator recorded it. */
    public static Map<String, String> previousAssigners(CustomerUser user) {
        Map<String, String> byId = new LinkedHashMap<>();
        if (user.getStatus() != null) {
            for (UserLicense l : user.getStatus().getLicenses()) {
                if (l.getLicenseId() != null && l.getAssignedBy() != null) {
                    byId.put(l.getLicenseId(), l.getAssignedBy());
                }
            }
        }
        return byId;
    }

    /** Oldest first, so that two assignments of one licence credit the same one every time. */
    private static List<LicenseAssignment> sorted(Collection<LicenseAssignment> assignments) {
        return assignments.stream().sorted(java.util.Comparator
                .comparing((LicenseAssignment a) -> Optional.ofNullable(a.getMetadata().getCreationTimestamp()).orElse(""))
                .thenComparing(a -> a.getMetadata().getName())).toList();
    }
}
