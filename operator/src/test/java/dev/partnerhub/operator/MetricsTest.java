package dev.partnerhub.operator;

import static dev.partnerhub.operator.Fixtures.user;
import static dev.partnerhub.operator.Fixtures.wholesaleCustomer;
import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.WebexModel;
import dev.partnerhub.operator.status.Conditions;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.kubernetes.client.WithKubernetesTestServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * {@code /q/metrics} has series per controller, never per resource: its size does not grow with the number of
 * users (at 11,000 users the framework's default made it 236 MB). The reconcile queue's series show that the
 * framework's reconciles run from one lane per controller.
 */
@QuarkusTest
@WithKubernetesTestServer(crud = true)
@WithTestResource(LocalHubResource.class)
class MetricsTest extends OperatorTestSupport {

    @TestHTTPResource("/q/metrics")
    URI metrics;

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

        String body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(metrics).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(body).contains("operator_sdk_controllers_execution_reconcile_seconds_count{controller=\"customeruser\"");
        assertThat(body).as("no series names a resource").doesNotContain("counted1", "metered", namespace);
        assertThat(queueWaits(body, "customer")).as("the framework's Customer reconciles ran from their own lane")
                .isPositive();
        assertThat(queueWaits(body, "customeruser")).isPositive();
        assertThat(queueWaits(body, "other")).as("every reconcile told its controller").isZero();
        assertThat(body).contains("partnerhub_reconcile_queue_depth{controller=\"customeruser\"");
    }

    /** How many reconciles of a controller the reconcile queue handed to a thread. */
    private static double queueWaits(String metrics, String controller) {
        Matcher count = Pattern.compile("(?m)^partnerhub_reconcile_queue_wait_seconds_count\\{controller=\""
                + controller + "\",?\\} (\\S+)$").matcher(metrics);
        assertThat(count.find()).as("the wait of lane %s in %n%s", controller, metrics).isTrue();
        return Double.parseDouble(count.group(1));
    }
}
