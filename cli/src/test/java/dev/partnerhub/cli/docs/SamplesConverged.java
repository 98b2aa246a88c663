package dev.partnerhub.cli.docs;

import static org.awaitility.Awaitility.await;

import dev.partnerhub.api.v1alpha1.ActivationState;
import dev.partnerhub.api.v1alpha1.ConditionedStatus;
import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.LicenseAssignment;
import dev.partnerhub.api.v1alpha1.PartnerConnection;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.CustomResource;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;

/**
 * The state every guide starts from, as {@code ./hubctl local} leaves it a little after it starts: each sample Ready,
 * but {@code dana}, who waits for her email ({@code PendingEmailInput}).
 */
final class SamplesConverged {

    private SamplesConverged() {
    }

    static void within(KubernetesClient client, Duration atMost) {
        await().atMost(atMost).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                .until(() -> allReady(client, PartnerConnection.class) && allReady(client, Customer.class)
                        && allReady(client, LicenseAssignment.class) && usersSettled(client));
    }

    /** Each object not Ready, with its Ready condition's reason and message: what a failure's reader looks at first. */
    static List<String> notReady(KubernetesClient client) {
        return Stream.of(PartnerConnection.class, Customer.class, CustomerUser.class, LicenseAssignment.class)
                .flatMap(kind -> client.resources(kind).inAnyNamespace().list().getItems().stream())
                .filter(r -> !ready(((CustomResource<?, ?>) r).getStatus() instanceof ConditionedStatus s ? s : null))
                .map(r -> r.getKind() + " " + r.getMetadata().getName() + ": " + readyCondition(r)).toList();
    }

    private static String readyCondition(CustomResource<?, ?> resource) {
        if (!(resource.getStatus() instanceof ConditionedStatus status)) {
            return "no status";
        }
        return status.getConditions().stream().filter(c -> "Ready".equals(c.getType()))
                .map(c -> c.getStatus() + " " + c.getReason() + ": " + c.getMessage()).findFirst().orElse("no Ready");
    }

    private static boolean usersSettled(KubernetesClient client) {
        List<CustomerUser> users = client.resources(CustomerUser.class).inAnyNamespace().list().getItems();
        return !users.isEmpty() && users.stream().allMatch(u -> current(u) && (ready(u.getStatus())
                || u.getStatus().getActivation().getState() == ActivationState.PendingEmailInput));
    }

    private static <T extends CustomResource<?, ? extends ConditionedStatus>> boolean allReady(KubernetesClient client,
            Class<T> kind) {
        List<T> items = client.resources(kind).inAnyNamespace().list().getItems();
        return !items.isEmpty() && items.stream().allMatch(i -> current(i) && ready(i.getStatus()));
    }

    private static boolean current(HasMetadata resource) {
        ConditionedStatus status = (ConditionedStatus) ((CustomResource<?, ?>) resource).getStatus();
        return status != null && resource.getMetadata().getGeneration().equals(status.getObservedGeneration());
    }

    private static boolean ready(ConditionedStatus status) {
        return status != null && status.getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }
}
