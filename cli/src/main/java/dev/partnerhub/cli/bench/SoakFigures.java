package dev.partnerhub.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.sandbox.HubAdminClient;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.PrintWriter;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/** What a soak left, read from the hub and the API once it is over. */
record SoakFigures(long calls, int users, Map<String, Long> faults, List<String> duplicates, List<String> leaked,
        List<HubRate.Window> windows, SortedMap<Long, Long> perSecond) {

    static SoakFigures read(HubAdminClient admin, KubernetesClient client, int users, int rateLimit) {
        JsonNode state = admin.state();
        List<JsonNode> customers = items(state, "wholesaleCustomers");
        List<JsonNode> subscribers = items(state, "wholesaleSubscribers");
        Set<String> declaredCustomers = client.resources(Customer.class).inNamespace(BenchObjects.NAMESPACE).list()
                .getItems().stream().map(c -> c.getSpec().getExternalId()).collect(Collectors.toSet());
        Set<String> declaredEmails = client.resources(CustomerUser.class).inNamespace(BenchObjects.NAMESPACE).list()
                .getItems().stream().map(u -> u.getSpec().getEmail().toLowerCase(Locale.ROOT))
                .collect(Collectors.toSet());
        List<String> duplicates = new java.util.ArrayList<>();
        duplicates.addAll(repeated(customers, c -> "customer " + c.path("externalId").asText()));
        duplicates.addAll(repeated(subscribers, s -> "subscriber " + s.path("customerId").asText() + "/"
                + s.path("email").asText().toLowerCase(Locale.ROOT)));
        List<String> leaked = new java.util.ArrayList<>();
        customers.stream().map(c -> c.path("externalId").asText()).filter(id -> !declaredCustomers.contains(id))
                .forEach(id -> leaked.add("customer " + id));
        subscribers.stream().map(s -> s.path("email").asText().toLowerCase(Locale.ROOT))
                .filter(e -> !declaredEmails.contains(e)).forEach(e -> leaked.add("subscriber " + e));
        Map<String, Long> byRoute = admin.requests();
        SortedMap<Long, Long> perSecond = admin.requestsPerSecond();
        return new SoakFigures(OperatorBench.total(byRoute), users, admin.faultsApplied(), duplicates, leaked,
                HubRate.windows(perSecond, rateLimit, rateLimit, 1, 10, 60), perSecond);
    }

    /** Nothing duplicated, nothing leaked, the limit kept in every window. */
    boolean clean() {
        return duplicates.isEmpty() && leaked.isEmpty() && windows.stream().allMatch(HubRate.Window::kept);
    }

    void print(PrintWriter out, long ready, double seconds, Set<String> idsLost) {
        out.printf("users converged             %d of %d (%.1f %%)%n", ready, users, 100.0 * ready / users);
        out.printf("time to converge            %s%n", seconds < 0 ? "did not converge" : String.format("%.1f s",
                seconds));
        out.printf("duplicates at the hub       %d%s%n", duplicates.size(), listed(duplicates));
        out.printf("leaked objects at the hub   %d%s%n", leaked.size(), listed(leaked));
        out.printf("recorded IDs lost           %d%s%n", idsLost.size(), listed(List.copyOf(idsLost)));
        out.printf("faults met                  %s%n", faults.entrySet().stream().map(e -> e.getValue() + " × "
                + e.getKey()).collect(Collectors.joining(", ")));
        out.printf("provider calls per user     %.2f (%d calls)%n", (double) calls / users, calls);
        for (HubRate.Window w : windows) {
            out.printf("busiest %2d s at the hub     %d calls, the limit allows %.0f: %s%n", w.seconds(), w.most(),
                    w.allowed(), w.kept() ? "kept" : "EXCEEDED");
        }
        out.printf("busiest seconds (UTC)       %s%n", perSecond.entrySet().stream()
                .sorted(Map.Entry.<Long, Long>comparingByValue().reversed()).limit(3)
                .map(e -> Instant.ofEpochSecond(e.getKey()) + " " + e.getValue()).collect(Collectors.joining(", ")));
    }

    private static List<String> repeated(List<JsonNode> records, Function<JsonNode, String> key) {
        return records.stream().collect(Collectors.groupingBy(key, Collectors.counting())).entrySet().stream()
                .filter(e -> e.getValue() > 1).map(e -> e.getKey() + " × " + e.getValue()).sorted().toList();
    }

    private static List<JsonNode> items(JsonNode state, String kind) {
        return StreamSupport.stream(state.path(kind).spliterator(), false).toList();
    }

    private static String listed(List<String> items) {
        return items.isEmpty() ? "" : ": " + items.stream().limit(5).collect(Collectors.joining("; "))
                + (items.size() > 5 ? "; ..." : "");
    }
}
