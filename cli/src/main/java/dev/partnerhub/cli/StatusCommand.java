package dev.partnerhub.cli;

import dev.partnerhub.api.v1alpha1.CustomerUser;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintStream;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** The per-user provisioning status view of the partner portals, from the cluster's CustomerUsers. */
@Command(name = "status", mixinStandardHelpOptions = true, description = "Lists users with their customer, email, "
        + "package, activation state, pending action and last error.")
final class StatusCommand implements Callable<Integer> {

    private static final int NARROW = 60;

    @Option(names = {"-n", "--namespace"}, description = "Only this namespace (default: all namespaces).")
    String namespace;

    @Option(names = "--exclude-provisioned", description = "Only users with a pending action or an error.")
    boolean excludeProvisioned;

    @Option(names = "--wide", description = "Do not shorten the pending action and the error.")
    boolean wide;

    @Option(names = "--undeclared", description = "Instead: the users the hub holds that no CustomerUser declares "
            + "(self-activated, orphaned, made elsewhere); the operator never touches them.")
    boolean undeclared;

    @Mixin
    KubeconfigOption kubeconfig;

    PrintStream out = System.out;

    @Override
    public Integer call() {
        try (KubernetesClient client = kubeconfig.client()) {
            if (undeclared) {
                return printUndeclared(client);
            }
            List<CustomerUser> users = UserView.list(client, namespace);
            TextTable table = new TextTable("NAMESPACE", "CUSTOMER", "USER", "EMAIL", "PACKAGE", "ACTIVATION", "READY",
                    "PENDING ACTION", "LAST ERROR");
            users.stream()
                    .sorted(Comparator.comparing((CustomerUser u) -> u.getMetadata().getNamespace())
                            .thenComparing(u -> u.getSpec().getCustomerRef().getName())
                            .thenComparing(u -> u.getMetadata().getName()))
                    .filter(u -> !excludeProvisioned || UserView.needsAttention(u))
                    .forEach(u -> table.add(u.getMetadata().getNamespace(), u.getSpec().getCustomerRef().getName(),
                            u.getMetadata().getName(), UserView.email(u), UserView.pkg(u), UserView.activation(u),
                            UserView.condition(u, "Ready").map(Condition::getStatus).orElse("Unknown"),
                            shorten(UserView.pendingAction(u)), shorten(UserView.lastError(u))));
            String where = namespace == null ? "" : " in " + namespace;
            if (users.isEmpty()) {
                out.println("No CustomerUsers found" + where + ".");
            } else if (table.size() == 0) {
                out.println("All " + users.size() + " CustomerUsers" + where + " are provisioned.");
            } else {
                table.print(out);
            }
            return 0;
        }
    }

    private int printUndeclared(KubernetesClient client) {
        List<dev.partnerhub.api.v1alpha1.Customer> customers = namespace == null
                ? client.resources(dev.partnerhub.api.v1alpha1.Customer.class).inAnyNamespace().list().getItems()
                : client.resources(dev.partnerhub.api.v1alpha1.Customer.class).inNamespace(namespace).list().getItems();
        TextTable table = new TextTable("NAMESPACE", "CUSTOMER", "USER ID", "EMAIL", "STATUS", "SELF-ACTIVATED");
        int total = 0;
        for (var c : customers.stream().sorted(Comparator.comparing((dev.partnerhub.api.v1alpha1.Customer c) ->
                c.getMetadata().getNamespace()).thenComparing(c -> c.getMetadata().getName())).toList()) {
            var undeclaredUsers = c.getStatus() == null ? null : c.getStatus().getUndeclared();
            if (undeclaredUsers == null) {
                continue;
            }
            total += undeclaredUsers.getCount();
            undeclaredUsers.getUsers().forEach(u -> table.add(c.getMetadata().getNamespace(), c.getMetadata().getName(),
                    u.getUserId() == null ? "-" : u.getUserId(), u.getEmail() == null ? "-" : u.getEmail(),
                    u.getProviderStatus(), Boolean.TRUE.equals(u.getSelfActivated()) ? "yes" : "no"));
        }
        if (table.size() == 0) {
            out.println("No undeclared users.");
        } else {
            table.print(out);
            if (total > table.size()) {
                out.println("(" + (total - table.size()) + " more not listed)");
            }
        }
        return 0;
    }

    private String shorten(String text) {
        return wide || text.length() <= NARROW ? text : text.substring(0, NARROW - 3) + "...";
    }
}
