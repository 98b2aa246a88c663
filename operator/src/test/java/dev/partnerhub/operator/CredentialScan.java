package dev.partnerhub.operator;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.LicenseAssignment;
import dev.partnerhub.api.v1alpha1.PartnerConnection;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * After every reconciler test, the suite-wide check that no credential got out: every token, client secret and
 * password of every hub of the run so far (the hubs' own record, and the passwords the operator sent) is looked for in
 * each resource of the test's namespace, status included, in its Events, and in the whole log of the run.
 */
final class CredentialScan {

    /** The log of every Quarkus application of the run (appended to, not rotated, in the test profile). */
    static final Path LOG = Path.of("target/operator-tests.log");
    private static final ObjectMapper JSON = new ObjectMapper();

    private CredentialScan() {
    }

    static void assertNoCredentialOut(KubernetesClient client, String namespace) throws IOException {
        assertNoneOut(client, namespace, LocalHubResource.credentials());
    }

    /** These secrets in none of the namespace's resources (status included), its Events, or the run's log. */
    static void assertNoneOut(KubernetesClient client, String namespace, Collection<String> credentials)
            throws IOException {
        List<String> resources = new ArrayList<>();
        for (Class<? extends HasMetadata> kind : List.of(PartnerConnection.class, Customer.class, CustomerUser.class,
                LicenseAssignment.class)) {
            for (HasMetadata resource : client.resources(kind).inNamespace(namespace).list().getItems()) {
                resources.add(json(resource));
            }
        }
        String events = json(client.v1().events().inNamespace(namespace).list().getItems())
                + json(client.events().v1().events().inNamespace(namespace).list().getItems());
        String log = Files.exists(LOG) ? Files.readString(LOG, StandardCharsets.UTF_8) : "";
        for (String credential : credentials) {
            assertThat(resources).as("the resources of %s, status included", namespace)
                    .allSatisfy(r -> assertThat(r).doesNotContain(credential));
            assertThat(events).as("the Events of %s", namespace).doesNotContain(credential);
            assertThat(log).as("the operator's log of this run (%s)", LOG).doesNotContain(credential);
        }
    }

    private static String json(Object value) throws JsonProcessingException {
        return JSON.writeValueAsString(value);
    }
}
