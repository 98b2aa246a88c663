package dev.partnerhub.cli.plan;

import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.LicenseAssignment;
import dev.partnerhub.api.v1alpha1.LicenseMode;
import dev.partnerhub.cli.plan.Change.Action;
import dev.partnerhub.desired.LicensePlan;
import dev.partnerhub.desired.LicenseSelection;
import dev.partnerhub.providers.spi.model.Feature;
import dev.partnerhub.providers.spi.model.RemoteLicense;
import dev.partnerhub.providers.spi.model.RemotePerson;
import dev.partnerhub.providers.spi.model.RemoteUser;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Which users each LicenseAssignment would give its licence to ({@code + user}) or take it from ({@code - user}):
 * the operator's {@link LicensePlan} for every declared user, from the licences the provider says it holds.
 */
final class LicensePlanner {

    private final Manifests manifests;
    /** namespace/name of an assignment → its lines. */
    private final Map<String, Set<String>> lines = new TreeMap<>();
    private final Map<String, List<RemoteLicense>> catalogs = new HashMap<>();

    LicensePlanner(Manifests manifests) {
        this.manifests = manifests;
    }

    void add(Planner.Target target, CustomerUser user, Optional<RemoteUser> remote) {
        if (!target.capabilities().has(Feature.LICENSES)) {
            return;
        }
        List<LicenseAssignment> assignments = manifests.assignments.stream()
                .filter(a -> a.getMetadata().getNamespace().equals(user.getMetadata().getNamespace())).toList();
        if (remote.isEmpty() || target.orgId() == null) {
            // A user still to create gets every licence an assignment selects it for.
            assignments.stream().filter(a -> LicenseSelection.selects(a, user))
                    .forEach(a -> line(a, "+ " + user.getMetadata().getName()));
            return;
        }
        List<RemoteLicense> catalog = catalogs.computeIfAbsent(target.orgId(),
                org -> target.provider().licensing().licenses(org));
        Set<String> held = new TreeSet<>(target.people().stream()
                .filter(p -> p.id().equals(remote.get().personId())).findFirst().map(RemotePerson::licenses)
                .orElse(List.of()));
        LicensePlan plan = LicensePlan.of(user, assignments, held, catalog, Set.of());
        for (String id : plan.add()) {
            Manifests.find(assignments, user.getMetadata().getNamespace(), plan.wantedBy().get(id))
                    .ifPresent(a -> line(a, "+ " + user.getMetadata().getName()));
        }
        for (String id : plan.remove()) {
            assignments.stream().filter(a -> a.getSpec().getMode() == LicenseMode.Exclusive)
                    .filter(a -> LicenseSelection.resolve(a.getSpec().getLicense(), catalog)
                            .map(l -> l.id().equals(id)).orElse(false))
                    .findFirst().ifPresent(a -> line(a, "- " + user.getMetadata().getName()));
        }
    }

    List<Change> changes() {
        List<Change> changes = new ArrayList<>();
        for (LicenseAssignment a : Planner.sorted(manifests.assignments)) {
            List<String> details = new ArrayList<>(lines.getOrDefault(key(a), Set.of()));
            boolean fresh = a.getStatus() == null;
            changes.add(Planner.change(a, fresh ? Action.CREATE : details.isEmpty() ? Action.NO_CHANGE
                    : Action.UPDATE, details));
        }
        return changes;
    }

    private void line(LicenseAssignment a, String line) {
        lines.computeIfAbsent(key(a), k -> new TreeSet<>()).add(line + " (" + a.getSpec().getLicense() + ")");
    }

    private static String key(LicenseAssignment a) {
        return a.getMetadata().getNamespace() + "/" + a.getMetadata().getName();
    }
}
