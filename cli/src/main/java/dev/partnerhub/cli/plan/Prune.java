package dev.partnerhub.cli.plan;

import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.DeletionPolicy;
import dev.partnerhub.api.v1alpha1.LicenseAssignment;
import dev.partnerhub.cli.csv.CsvImport;
import dev.partnerhub.cli.plan.Change.Action;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * What the cluster holds for the folder's customers that the folder no longer declares: what a pruning GitOps
 * sync (Argo CD, Flux) would delete, and so what the operator would remove from the provider. For a customer whose
 * users the folder holds but not the customer itself, only the licence assignments a CSV import wrote.
 */
final class Prune {

    private final Manifests manifests;
    private final KubernetesClient cluster;

    Prune(Manifests manifests, KubernetesClient cluster) {
        this.manifests = manifests;
        this.cluster = cluster;
    }

    List<Change> changes() {
        List<Change> changes = new ArrayList<>();
        if (cluster == null) {
            return changes;
        }
        Set<String> customers = manifests.customers.stream()
                .map(c -> c.getMetadata().getNamespace() + "/" + c.getMetadata().getName()).collect(Collectors.toSet());
        // A folder that holds a customer's users but not the customer (as hubctl csv import writes it) decides only
        // the licence assignments the import wrote.
        Set<String> csvCustomers = manifests.users.stream().map(u -> u.getMetadata().getNamespace() + "/"
                + u.getSpec().getCustomerRef().getName()).filter(c -> !customers.contains(c))
                .collect(Collectors.toSet());
        Set<String> namespaces = Stream.concat(manifests.customers.stream().map(c -> c.getMetadata().getNamespace()),
                manifests.users.stream().map(u -> u.getMetadata().getNamespace())).collect(Collectors.toSet());
        for (String namespace : namespaces) {
            for (CustomerUser u : cluster.resources(CustomerUser.class).inNamespace(namespace).list().getItems()) {
                if (customers.contains(namespace + "/" + u.getSpec().getCustomerRef().getName())
                        && Manifests.find(manifests.users, namespace, u.getMetadata().getName()).isEmpty()) {
                    changes.add(Planner.change(u, Action.DELETE, List.of(u.getSpec().getDeletionPolicy()
                            == DeletionPolicy.Orphan ? "deletionPolicy Orphan: the user stays in the provider"
                            : "the user is removed from the provider")));
                }
            }
            for (LicenseAssignment a : cluster.resources(LicenseAssignment.class).inNamespace(namespace).list()
                    .getItems()) {
                String customer = namespace + "/" + a.getSpec().getCustomerRef().getName();
                boolean decided = customers.contains(customer) || csvCustomers.contains(customer)
                        && CsvImport.HUBCTL_CSV.equals(a.getMetadata().getLabels() == null ? null
                                : a.getMetadata().getLabels().get(CsvImport.MANAGED_BY));
                if (decided && Manifests.find(manifests.assignments, namespace, a.getMetadata().getName()).isEmpty()) {
                    changes.add(Planner.change(a, Action.DELETE, List.of("the licences it assigned are taken back")));
                }
            }
        }
        return changes;
    }
}
