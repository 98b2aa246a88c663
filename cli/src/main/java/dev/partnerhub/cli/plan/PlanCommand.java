package dev.partnerhub.cli.plan;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.partnerhub.cli.KubeconfigOption;
import dev.partnerhub.cli.plan.Change.Action;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code hubctl plan -f DIR}: what applying a folder of manifests would do to the provider, before it happens. */
@Command(name = "plan", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n", footer = {
            "  ./hubctl plan -f acme-users -n partnerhub-demo",
            "  ./hubctl plan -f acme-users -o json --no-cluster"},
        description = {
    "Reads a folder of manifests and what the provider holds (through the operator's own clients and desired-state "
            + "code; the connection and its token from the folder, else from the cluster) and prints, per object, "
            + "create, update (each field, old and new), delete (what the cluster holds that the folder no longer "
            + "declares), or no change, then a summary. Reads only.",
    "Exit code 0 when nothing would change, 2 when something would (as terraform plan -detailed-exitcode), 1 when an "
            + "object cannot be applied as written or the plan failed, 64 when the command line is wrong."})
public final class PlanCommand implements Callable<Integer> {

    @Option(names = {"-f", "--filename"}, required = true, description = "The folder of manifests (read recursively).")
    Path dir;

    @Option(names = {"-n", "--namespace"}, description = "The namespace of manifests that name none (default: the "
            + "kubeconfig context's, as kubectl apply).")
    String namespace;

    /** How the plan is printed. */
    enum Format {
        text, json
    }

    @Option(names = {"-o", "--output"}, defaultValue = "text", description = "text or json.")
    Format output;

    @Option(names = "--no-cluster", description = "Do not read the cluster: no recorded IDs, no deletions.")
    boolean noCluster;

    @Mixin
    KubeconfigOption kubeconfig;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Manifests manifests = Manifests.read(dir, namespace != null ? namespace : kubeconfig.namespace());
        List<Change> changes;
        try (KubernetesClient cluster = noCluster ? null : kubeconfig.client()) {
            changes = new Planner(manifests, new Providers(manifests, cluster), cluster).plan();
        }
        Map<Action, Integer> counts = new EnumMap<>(Action.class);
        changes.forEach(c -> counts.merge(c.action(), 1, Integer::sum));
        if (output == Format.json) {
            Map<String, Object> json = new LinkedHashMap<>();
            json.put("changes", changes);
            json.put("summary", Map.of("create", counts.getOrDefault(Action.CREATE, 0),
                    "update", counts.getOrDefault(Action.UPDATE, 0), "delete", counts.getOrDefault(Action.DELETE, 0),
                    "unchanged", counts.getOrDefault(Action.NO_CHANGE, 0),
                    "blocked", counts.getOrDefault(Action.BLOCKED, 0)));
            out.println(new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT)
                    .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).writeValueAsString(json));
        } else {
            for (Change c : changes) {
                out.printf("%s %s: %s%n", c.action().sign, c.label(), c.action().name().toLowerCase()
                        .replace('_', ' '));
                c.details().forEach(d -> out.println("      " + d));
            }
            out.printf("Plan: %d to create, %d to update, %d to delete, %d unchanged%s.%n",
                    counts.getOrDefault(Action.CREATE, 0), counts.getOrDefault(Action.UPDATE, 0),
                    counts.getOrDefault(Action.DELETE, 0), counts.getOrDefault(Action.NO_CHANGE, 0),
                    counts.containsKey(Action.BLOCKED) ? ", " + counts.get(Action.BLOCKED) + " blocked" : "");
        }
        out.flush();
        if (counts.containsKey(Action.BLOCKED)) {
            return 1;
        }
        return changes.stream().allMatch(c -> c.action() == Action.NO_CHANGE) ? 0 : 2;
    }
}
