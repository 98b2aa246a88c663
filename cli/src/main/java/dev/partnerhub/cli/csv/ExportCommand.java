package dev.partnerhub.cli.csv;

import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.cli.KubeconfigOption;
import dev.partnerhub.cli.NamespaceOption;
import dev.partnerhub.cli.UserView;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code hubctl csv export}: the users with their status, as the portals' "Export" gives them. */
@Command(name = "export", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n", footer = {
            "  ./hubctl csv export -n partnerhub-demo --customer acme --file acme.csv"},
        description = "Writes the CustomerUsers of the cluster as "
        + "CSV: the import's columns (so that export then import round-trips), then the provider's user ID, the "
        + "activation state, the pending action and the last error's code and text.")
final class ExportCommand implements Callable<Integer> {

    @Mixin
    NamespaceOption namespaces;

    @Option(names = "--customer", description = "Only the users of this Customer.")
    String customer;

    @Option(names = "--exclude-provisioned", description = "Only users with a pending action or an error.")
    boolean excludeProvisioned;

    @Option(names = "--file", description = "The file to write (default: standard output).")
    Path output;

    @Mixin
    KubeconfigOption kubeconfig;

    PrintStream out = System.out;

    @Override
    public Integer call() throws Exception {
        List<CustomerUser> users;
        try (KubernetesClient client = kubeconfig.client()) {
            users = UserView.list(client, namespaces.of(client));
        }
        users = users.stream()
                .filter(u -> customer == null || customer.equals(u.getSpec().getCustomerRef().getName()))
                .filter(u -> !excludeProvisioned || UserView.needsAttention(u)).toList();
        if (output == null) {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            CsvExport.write(users, writer);
            writer.flush();
        } else {
            try (Writer writer = Files.newBufferedWriter(output, StandardCharsets.UTF_8)) {
                CsvExport.write(users, writer);
            }
            System.err.printf("%d users written to %s%n", users.size(), output);
        }
        return 0;
    }
}
