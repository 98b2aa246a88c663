package dev.partnerhub.desired;

import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.LicenseAssignment;
import dev.partnerhub.api.v1alpha1.LicenseUsers;
import dev.partnerhub.providers.spi.model.Names;
import dev.partnerhub.providers.spi.model.RemoteLicense;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Pure rules of which users a LicenseAssignment selects and which licence it names. */
public final class LicenseSelection {

    private LicenseSelection() {
    }

    /** Whether the assignment, live and for the user's customer, selects the user by name or by label. */
    public static boolean selects(LicenseAssignment assignment, CustomerUser user) {
        if (!live(assignment) || !sameCustomer(assignment, user)) {
            return false;
        }
        LicenseUsers users = assignment.getSpec().getUsers();
        if (users == null) {
            return false;
        }
        boolean byName = users.getNames() != null && users.getNames().contains(user.getMetadata().getName());
        return byName || LabelSelectors.matches(users.getSelector(), user.getMetadata().getLabels());
    }

    public static boolean sameCustomer(LicenseAssignment assignment, CustomerUser user) {
        return assignment.getMetadata().getNamespace().equals(user.getMetadata().getNamespace())
                && Bound.customerName(assignment).equals(Bound.customerName(user));
    }

    /**
     * Whether the assignment says whom it selects (names or a selector; the API server refuses one that says neither,
     * a server without admission does not), with a selector Kubernetes would take: one that does not decides nothing,
     * and excludes nobody.
     */
    public static boolean valid(LicenseAssignment assignment) {
        LicenseUsers users = assignment.getSpec().getUsers();
        return users != null && (users.getNames() != null && !users.getNames().isEmpty()
                || users.getSelector() != null) && LabelSelectors.problems(users.getSelector(), "").isEmpty();
    }

    /** Not being deleted: an assignment on its way out assigns nothing and its licences are taken back. */
    public static boolean live(LicenseAssignment assignment) {
        return assignment.getMetadata().getDeletionTimestamp() == null;
    }

    /** The licence that spec.license names, by ID or by name (case does not matter). */
    public static Optional<RemoteLicense> resolve(String license, List<RemoteLicense> catalog) {
        return catalog.stream().filter(l -> l.id().equals(license) || Names.same(l.name(), license)).findFirst();
    }

    /** The users of a collection that the assignment selects. */
    public static List<CustomerUser> selected(LicenseAssignment assignment, Collection<CustomerUser> users) {
        return users.stream().filter(u -> selects(assignment, u))
                .sorted(java.util.Comparator.comparing(u -> u.getMetadata().getName())).toList();
    }
}
