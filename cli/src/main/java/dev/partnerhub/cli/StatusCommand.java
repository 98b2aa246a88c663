package dev.partnerhub.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
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
        + "package, activation state, pending action and last error.", footerHeading = "%nExamples:%n", footer = {
            "  ./hubctl status -A --exclude-provisioned    users of every namespace who wait for someone or failed",
            "  ./hubctl status -n partnerhub-demo -o wide   nothing shortened",
            "  ./hubctl status -o json | jq -r '.[] | select(.ready != \"True\") | .user'"})
final class StatusCommand implements Callable<Integer> {

    private static final int NARROW = 60;

    /** How the users are printed. */
    enum Format {
        table, wide, json, yaml
    }

    /** One user as the status view shows it; the JSON and YAML formats print these fields. */
    record Row(String namespace, String customer, String user, String email, String packageName, String activation,
            String ready, String pendingAction, String lastError) {
    }

    @Mixin
    NamespaceOption namespaces;

    @Option(names = "--exclude-provisioned", description = "Only users with a pending action or an error.")
    boolean excludeProvisioned;

    @Option(names = {"-o", "--output"}, defaultValue = "table", description = "table, wide (nothing shortened), json "
            + "or yaml (every field, for scripts).")
    Format format;

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
            String namespace = namespaces.of(client);
            List<CustomerUser> users = UserView.list(client, namespace);
            List<Row> rows = users.stream()
                    .sorted(Comparator.comparing((CustomerUser u) -> u.getMetadata().getNamespace())
                            .thenComparing(u -> u.getSpec().getCustomerRef().getName())
                            .thenComparing(u -> u.getMetadata().getName()))
                    .filter(u -> !excludeProvisioned || UserView.needsAttention(u))
                    .map(u -> new Row(u.getMetadata().getNamespace(), u.getSpec().getCustomerRef().getName(),
                            u.getMetadata().getName(), none(UserView.email(u)), none(UserView.pkg(u)),
                            UserView.activation(u),
                            UserView.condition(u, "Ready").map(Condition::getStatus).orElse("Unknown"),
                            none(UserView.pendingAction(u)), none(UserView.lastError(u))))
                    .toList();
            if (format == Format.json || format == Format.yaml) {
                return print(rows);
            }
            TextTable table = new TextTable("NAMESPACE", "CUSTOMER", "USER", "EMAIL", "PACKAGE", "ACTIVATION", "READY",
                    "PENDING ACTION", "LAST ERROR");
            rows.forEach(r -> table.add(r.namespace(), r.customer(), r.user(), dash(r.email()), dash(r.packageName()),
                    r.activation(), r.ready(), shorten(dash(r.pendingAction())), shorten(dash(r.lastError()))));
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

    /** The rows as a JSON or YAML list, empty when there are none, so that a script never parses a sentence. */
    private int print(Object rows) {
        try {
            ObjectMapper mapper = format == Format.json ? new ObjectMapper() : new ObjectMapper(new YAMLFactory()
                    .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER));
            out.println(mapper.writerWithDefaultPrettyPrinter().writeValueAsString(rows).strip());
            return 0;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot print the users as " + format + ": " + e.getOriginalMessage(), e);
        }
    }

    /** One user the hub holds that no CustomerUser declares. */
    record UndeclaredRow(String namespace, String customer, String userId, String email, String status,
            boolean selfActivated) {
    }

    private int printUndeclared(KubernetesClient client) {
        String namespace = namespaces.of(client);
        List<dev.partnerhub.api.v1alpha1.Customer> customers = namespace == null
                ? client.resources(dev.partnerhub.api.v1alpha1.Customer.class).inAnyNamespace().list().getItems()
                : client.resources(dev.partnerhub.api.v1alpha1.Customer.class).inNamespace(namespace).list().getItems();
        List<UndeclaredRow> rows = new java.util.ArrayList<>();
        int total = 0;
        for (var c : customers.stream().sorted(Comparator.comparing((dev.partnerhub.api.v1alpha1.Customer c) ->
                c.getMetadata().getNamespace()).thenComparing(c -> c.getMetadata().getName())).toList()) {
            var undeclaredUsers = c.getStatus() == null ? null : c.getStatus().getUndeclared();
            if (undeclaredUsers == null) {
                continue;
            }
            total += undeclaredUsers.getCount();
            undeclaredUsers.getUsers().forEach(u -> rows.add(new UndeclaredRow(c.getMetadata().getNamespace(),
                    c.getMetadata().getName(), u.getUserId(), u.getEmail(), u.getProviderStatus(),
                    Boolean.TRUE.equals(u.getSelfActivated()))));
        }
        if (format == Format.json || format == Format.yaml) {
            return print(rows);
        }
        TextTable table = new TextTable("NAMESPACE", "CUSTOMER", "USER ID", "EMAIL", "STATUS", "SELF-ACTIVATED");
        rows.forEach(r -> table.add(r.namespace(), r.customer(), dash(r.userId()), dash(r.email()), r.status(),
                r.selfActivated() ? "yes" : "no"));
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
        return format == Format.wide || text.length() <= NARROW ? text : text.substring(0, NARROW - 3) + "...";
    }

    /** The view's "-" for nothing, as null in the JSON and YAML formats. */
    private static String none(String shown) {
        return "-".equals(shown) ? null : shown;
    }

    private static String dash(String value) {
        return value == null ? "-" : value;
    }
}
