package dev.partnerhub.cli.plan;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.LicenseAssignment;
import dev.partnerhub.cli.plan.Change.Action;
import dev.partnerhub.desired.CustomerDesiredState;
import dev.partnerhub.desired.UserDesiredState;
import dev.partnerhub.desired.UserFields;
import dev.partnerhub.providers.spi.Provider;
import dev.partnerhub.providers.spi.model.Capabilities;
import dev.partnerhub.providers.spi.model.CustomerModel;
import dev.partnerhub.providers.spi.model.CustomerScope;
import dev.partnerhub.providers.spi.model.Feature;
import dev.partnerhub.providers.spi.model.RemoteCustomer;
import dev.partnerhub.providers.spi.model.RemotePerson;
import dev.partnerhub.providers.spi.model.RemoteUser;
import dev.partnerhub.providers.spi.model.UserField;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * What applying a folder of manifests would do: each Customer and CustomerUser compared with what the provider holds,
 * through the operator's own desired-state functions and provider clients, then each LicenseAssignment
 * ({@link LicensePlanner}), then what the cluster holds that the folder no longer declares. Reads only.
 */
final class Planner {

    private final Manifests manifests;
    private final Providers providers;
    private final KubernetesClient cluster;

    /** @param cluster null when there is no cluster to read (then ownership is taken from the manifests alone) */
    Planner(Manifests manifests, Providers providers, KubernetesClient cluster) {
        this.manifests = manifests;
        this.providers = providers;
        this.cluster = cluster;
    }

    /** The state of one customer as the plan found it. */
    record Target(Customer customer, Provider provider, RemoteCustomer remote, CustomerScope scope, String orgId,
            List<RemoteUser> users, List<RemotePerson> people) {
        Capabilities capabilities() {
            return provider.capabilities();
        }
    }

    List<Change> plan() {
        List<Change> changes = new ArrayList<>();
        LicensePlanner licences = new LicensePlanner(manifests);
        for (Customer customer : customers()) {
            boolean declared = manifests.customers.contains(customer);
            if (declared) {
                withClusterStatus(customer, Customer.class);
            }
            Target target = target(customer);
            if (declared) {
                changes.add(customerChange(target));
            }
            for (CustomerUser user : sorted(manifests.users)) {
                if (user.getMetadata().getNamespace().equals(customer.getMetadata().getNamespace())
                        && user.getSpec().getCustomerRef().getName().equals(customer.getMetadata().getName())) {
                    withClusterStatus(user, CustomerUser.class);
                    changes.add(userChange(target, user));
                    licences.add(target, user, remoteOf(target, user));
                }
            }
        }
        manifests.assignments.forEach(a -> withClusterStatus(a, LicenseAssignment.class));
        changes.addAll(licences.changes());
        changes.addAll(new Prune(manifests, cluster).changes());
        return changes;
    }

    /**
     * The folder's Customers, then those its users and assignments name that it does not hold (a folder of one
     * customer's users, as a CSV import writes it), read from the cluster: their users are planned, they are not.
     */
    private List<Customer> customers() {
        List<Customer> customers = new ArrayList<>(sorted(manifests.customers));
        Set<String> named = new TreeSet<>();
        manifests.users.forEach(u -> named.add(u.getMetadata().getNamespace() + "/"
                + u.getSpec().getCustomerRef().getName()));
        manifests.assignments.forEach(a -> named.add(a.getMetadata().getNamespace() + "/"
                + a.getSpec().getCustomerRef().getName()));
        for (String ref : named) {
            String namespace = ref.substring(0, ref.indexOf('/'));
            String name = ref.substring(ref.indexOf('/') + 1);
            if (Manifests.find(manifests.customers, namespace, name).isPresent()) {
                continue;
            }
            Customer live = cluster == null ? null
                    : cluster.resources(Customer.class).inNamespace(namespace).withName(name).get();
            if (live == null) {
                throw new IllegalStateException("Customer " + ref + ", which the manifests name, is neither among "
                        + "them nor in the cluster");
            }
            customers.add(live);
        }
        return customers;
    }

    private Target target(Customer customer) {
        Provider provider = providers.of(customer);
        Capabilities caps = provider.capabilities();
        String key = CustomerDesiredState.key(customer.getSpec(), caps);
        String recorded = customer.getStatus() == null ? null : customer.getStatus().getCustomerId();
        Optional<RemoteCustomer> remote = recorded != null ? provider.customers().get(recorded)
                : key == null ? Optional.empty() : provider.customers().find(key);
        CustomerScope scope = caps.customers().creation() == CustomerModel.Creation.EXPLICIT
                ? remote.map(r -> new CustomerScope(r.id())).orElse(null)
                : CustomerDesiredState.scope(customer, caps);
        String orgId = remote.map(RemoteCustomer::orgId).orElse(customer.getStatus() == null ? null
                : customer.getStatus().getOrgId());
        List<RemoteUser> users = scope == null || remote.isEmpty() && caps.customers().creation()
                != CustomerModel.Creation.WITH_FIRST_USER ? List.of() : provider.users().list(scope, null);
        List<RemotePerson> people = orgId == null || !caps.has(Feature.LICENSES) ? List.of()
                : provider.licensing().people(orgId);
        return new Target(customer, provider, remote.orElse(null), scope, orgId, users, people);
    }

    private static Change customerChange(Target t) {
        Customer c = t.customer();
        List<String> problems = new ArrayList<>(CustomerDesiredState.unsupported(c.getSpec(), t.capabilities()));
        problems.addAll(CustomerDesiredState.problems(c.getSpec(), t.capabilities()));
        if (!problems.isEmpty()) {
            return change(c, Action.BLOCKED, problems);
        }
        CustomerModel.Creation creation = t.capabilities().customers().creation();
        if (t.remote() == null) {
            if (creation == CustomerModel.Creation.EXISTING) {
                return change(c, Action.BLOCKED, List.of("the provider has no customer "
                        + CustomerDesiredState.key(c.getSpec(), t.capabilities()) + "; this provider's customers "
                        + "exist on their own"));
            }
            return change(c, Action.CREATE, List.of(creation == CustomerModel.Creation.WITH_FIRST_USER
                    ? "created with its first user" : "key " + CustomerDesiredState.key(c.getSpec(), t.capabilities())));
        }
        if (creation == CustomerModel.Creation.EXPLICIT && !owned(c) && !c.getSpec().isAdoptExisting()) {
            return change(c, Action.BLOCKED, List.of("the provider has customer " + t.remote().id() + " under this "
                    + "key, which this Customer did not create: set spec.adoptExisting: true to take it over"));
        }
        if (CustomerDesiredState.packagesDiffer(c.getSpec(), t.remote())) {
            return change(c, Action.UPDATE, List.of("spec.packages: " + t.remote().packages() + " -> "
                    + c.getSpec().getPackages()));
        }
        return change(c, Action.NO_CHANGE, List.of());
    }

    private Change userChange(Target t, CustomerUser user) {
        var refusal = UserDesiredState.refusal(user, t.customer(), t.capabilities(), manifests.assignments);
        if (refusal != null) {
            return change(user, Action.BLOCKED, List.of(refusal.kind() + ": " + refusal.message()));
        }
        String key = UserDesiredState.key(user.getSpec(), t.capabilities());
        String recorded = user.getStatus() == null ? null : user.getStatus().getUserId();
        Optional<RemoteUser> remote = remoteOf(t, user);
        if (remote.isEmpty()) {
            return change(user, Action.CREATE, List.of("key " + key));
        }
        List<String> details = new ArrayList<>();
        if (recorded == null && cluster != null) {
            if (!user.getSpec().isAdoptExisting()) {
                return change(user, Action.BLOCKED, List.of("AlreadyExists: the provider holds " + key + " as user "
                        + remote.get().id() + ", which this CustomerUser did not create: set spec.adoptExisting: "
                        + "true to take it over"));
            }
            details.add("adopt user " + remote.get().id());
        }
        Optional<RemotePerson> person = t.people().stream().filter(p -> p.id().equals(remote.get().personId()))
                .findFirst()
                .map(p -> UserFields.declared(user.getSpec(), UserField.PREFERRED_SITE) == null ? p
                        : p.withPreferredSite(t.provider().people().preferredSite(t.orgId(), p).orElse(null)));
        UserFields.differences(user.getSpec(), t.capabilities().users(), remote.get(), person).forEach(d -> details.add(
                UserFields.path(d.field()) + ": " + (d.held() == null ? "(none)" : d.held()) + " -> " + d.declared()));
        String emailRefusal = UserFields.emailRefusal(user.getSpec(), remote.get());
        if (emailRefusal != null) {
            return change(user, Action.BLOCKED, List.of(emailRefusal));
        }
        return change(user, details.isEmpty() ? Action.NO_CHANGE : Action.UPDATE, details);
    }

    /** The user the provider holds for this CustomerUser: the one it recorded, else the one under its key. */
    private static Optional<RemoteUser> remoteOf(Target t, CustomerUser user) {
        String recorded = user.getStatus() == null ? null : user.getStatus().getUserId();
        return recorded != null ? UserDesiredState.byId(t.users(), recorded)
                : UserDesiredState.byKey(t.users(), UserDesiredState.key(user.getSpec(), t.capabilities()));
    }

    private static boolean owned(Customer c) {
        return c.getStatus() != null && c.getStatus().getCustomerId() != null;
    }

    /** Puts the cluster's status of the object on the manifest's copy: what the operator recorded (IDs, licences). */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private <T extends HasMetadata> void withClusterStatus(T object, Class<T> type) {
        if (cluster == null) {
            return;
        }
        T live = cluster.resources(type).inNamespace(object.getMetadata().getNamespace())
                .withName(object.getMetadata().getName()).get();
        if (live instanceof io.fabric8.kubernetes.client.CustomResource cr) {
            ((io.fabric8.kubernetes.client.CustomResource) object).setStatus(cr.getStatus());
        }
    }

    static Change change(HasMetadata object, Action action, List<String> details) {
        return new Change(object.getKind(), object.getMetadata().getNamespace(), object.getMetadata().getName(),
                action, details);
    }

    static <T extends HasMetadata> List<T> sorted(List<T> objects) {
        return objects.stream().sorted(Comparator.comparing((T o) -> o.getMetadata().getNamespace())
                .thenComparing(o -> o.getMetadata().getName())).toList();
    }
}
