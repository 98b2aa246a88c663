package dev.partnerhub.operator;

import static dev.partnerhub.operator.Fixtures.user;
import static dev.partnerhub.operator.Fixtures.wholesaleCustomer;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.LicenseAssignment;
import dev.partnerhub.api.v1alpha1.LicenseMode;
import dev.partnerhub.api.v1alpha1.WebexModel;
import dev.partnerhub.operator.metrics.ResourceGauges;
import dev.partnerhub.operator.status.Conditions;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * {@code /q/metrics} has series per controller, connection and namespace, never per resource: its size does not grow
 * with the number of users (at 11,000 users the framework's default made it 236 MB). The reconcile queue's series
 * show that the framework's reconciles run from one lane per controller.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@WithTestResource(LocalHubResource.class)
class MetricsTest extends OperatorTestSupport {

    private static final Pattern METRIC = Pattern.compile("\\b(partnerhub|operator_sdk)_[a-z0-9_]+\\b");

    @TestHTTPResource("/q/metrics")
    URI metrics;

    @Inject
    ResourceGauges gauges;

    @Test
    void reconcileMetricsArePerControllerAndNamePerResourceNothing() throws Exception {
        connect("hub", WebexModel.WHOLESALE);
        apply(wholesaleCustomer(namespace, "metered", "hub", "webex_meetings"));
        awaitCondition(Customer.class, "metered", Conditions.READY, "True");
        for (int i = 1; i <= 5; i++) {
            apply(user(namespace, "counted" + i, "metered", "counted" + i + "@metered.example.com", "webex_meetings",
                    null));
        }
        for (int i = 1; i <= 5; i++) {
            awaitCondition(CustomerUser.class, "counted" + i, Conditions.READY, "True");
        }

        String body = scrape();
        assertThat(body).contains("operator_sdk_controllers_execution_reconcile_seconds_count{controller=\"customeruser\"");
        assertThat(body).as("no series names a user or, unless partnerhub.metrics.per-customer, a customer")
                .doesNotContain("counted1", "metered\"");
        assertThat(queueWaits(body, "customer")).as("the framework's Customer reconciles ran from their own lane")
                .isPositive();
        assertThat(queueWaits(body, "customeruser")).isPositive();
        assertThat(queueWaits(body, "other")).as("every reconcile told its controller").isZero();
        assertThat(body).contains("partnerhub_reconcile_queue_depth{controller=\"customeruser\"");
    }

    /**
     * The chart's dashboard and alerts against a running operator: every metric name either file holds (a query, an
     * alert, a template variable) is on {@code /q/metrics} once the operator has done what each measures, and every
     * query and alert names one.
     */
    @Test
    void theDashboardAndTheAlertsNameOnlyMetricsTheOperatorExposes() throws Exception {
        connect("watched", WebexModel.WHOLESALE);
        apply(wholesaleCustomer(namespace, "watched", "watched", "webex_meetings"));
        awaitCondition(Customer.class, "watched", Conditions.READY, "True");
        // The provider asks the connection to slow down (the first subscriber creations, this test's users'); a user
        // is Stalled; a user is deleted (the deletion budget's ledger); licences and seats are counted.
        hub().addFault(new ObjectMapper().createObjectNode().put("method", "POST")
                .put("pathPrefix", "/v1/wholesale/subscribers").put("status", 429).put("retryAfterSeconds", 1)
                .put("times", 2));
        apply(user(namespace, "fine", "watched", "fine@watched.example.com", "webex_meetings", null));
        apply(user(namespace, "gone", "watched", "gone@watched.example.com", "webex_meetings", null));
        CustomerUser stuck = user(namespace, "stuck", "watched", "stuck@watched.example.com", "webex_meetings", null);
        stuck.getSpec().setRoles(List.of("Galactic Administrator"));
        apply(stuck);
        apply(Fixtures.assignment(namespace, "agents", "watched", "Contact center Standard Agent",
                LicenseMode.Additive, List.of("fine"), null));
        awaitCondition(CustomerUser.class, "fine", Conditions.READY, "True");
        awaitCondition(CustomerUser.class, "gone", Conditions.READY, "True");
        awaitCondition(CustomerUser.class, "stuck", Conditions.STALLED, "True");
        awaitCondition(LicenseAssignment.class, "agents", Conditions.READY, "True");
        deleteAndAwaitGone(CustomerUser.class, "gone");
        String connection = "{connection=\"" + namespace + "/watched\"}";
        String body = await().atMost(TIMEOUT).until(() -> {
            // The gauges count the controllers' caches, which see the deletion when the informer does.
            gauges.refresh();
            return scrape();
        }, scraped -> scraped.contains("partnerhub_users{namespace=\"" + namespace + "\",state=\"Provisioned\"} 1.0")
                && scraped.contains("partnerhub_users_stalled{namespace=\"" + namespace
                        + "\",reason=\"InvalidSpec\"} 1.0")
                && scraped.contains("partnerhub_deletions_held" + connection + " 0.0")
                && value(scraped, "partnerhub_provider_throttled_total" + connection) >= 1);
        Set<String> exposed = body.lines().filter(l -> !l.startsWith("#"))
                .map(l -> l.split("[{ ]", 2)[0]).collect(Collectors.toSet());
        Path files = Path.of("..", "helm", "partnerhub-operator", "files");
        String dashboard = Files.readString(files.resolve("grafana/partnerhub-operator.json"));
        String alerts = Files.readString(files.resolve("alerts/partnerhub-operator.rules.yaml"));
        Set<String> named = new TreeSet<>();
        Matcher metric = METRIC.matcher(dashboard + "\n" + alerts);
        while (metric.find()) {
            named.add(metric.group());
        }
        assertThat(named).as("the metrics the dashboard and the alerts name").hasSizeGreaterThan(15);
        assertThat(named).as("named by the dashboard or an alert, yet not on /q/metrics:%n%s", body)
                .allSatisfy(name -> assertThat(exposed).contains(name));

        JsonNode panels = new ObjectMapper()
                .readTree(dashboard).path("panels");
        List<String> queries = new ArrayList<>(panels.findValuesAsText("expr"));
        List<?> groups = Serialization.unmarshal(alerts,
                List.class);
        for (Object group : groups) {
            for (Object rule : (List<?>) ((Map<?, ?>) group).get("rules")) {
                queries.add((String) ((Map<?, ?>) rule).get("expr"));
            }
        }
        assertThat(queries).as("queries and alert expressions").hasSizeGreaterThan(20)
                .allSatisfy(q -> assertThat(METRIC.matcher(q).find()).as(q).isTrue());
    }

    private String scrape() throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(metrics).build(),
                HttpResponse.BodyHandlers.ofString()).body();
    }

    /** The value of the series {@code series} (its name and labels as printed), or -1 when there is none. */
    private static double value(String metrics, String series) {
        return metrics.lines().filter(l -> l.startsWith(series + " ")).mapToDouble(l -> Double.parseDouble(
                l.substring(series.length() + 1))).findFirst().orElse(-1);
    }

    /** How many reconciles of a controller the reconcile queue handed to a thread. */
    private static double queueWaits(String metrics, String controller) {
        Matcher count = Pattern.compile("(?m)^partnerhub_reconcile_queue_wait_seconds_count\\{controller=\""
                + controller + "\",?\\} (\\S+)$").matcher(metrics);
        assertThat(count.find()).as("the wait of lane %s in %n%s", controller, metrics).isTrue();
        return Double.parseDouble(count.group(1));
    }
}
