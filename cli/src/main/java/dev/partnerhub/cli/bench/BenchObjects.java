package dev.partnerhub.cli.bench;

import dev.partnerhub.api.v1alpha1.DeletionPolicy;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** The objects of an operator benchmark: a namespace, a connection, customers of 100 users, as YAML a user writes. */
final class BenchObjects {

    static final String NAMESPACE = "bench";
    /** The prefix of the measured customers' names. */
    static final String MEASURED = "c";

    private BenchObjects() {
    }

    static List<HasMetadata> connection(KubernetesClient client, String hubApiUrl, int requestsPerSecond) {
        return load(client, """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: %1$s
                ---
                apiVersion: v1
                kind: Secret
                metadata:
                  name: hub-token
                  namespace: %1$s
                stringData:
                  token: local-dev-token
                ---
                apiVersion: partnerhub.dev/v1alpha1
                kind: PartnerConnection
                metadata:
                  name: hub
                  namespace: %1$s
                spec:
                  provider: webex
                  endpoint: %2$s
                  credentialsSecretRef:
                    name: hub-token
                    key: token
                  rateLimit:
                    requestsPerSecond: %3$d
                    burst: %3$d
                  deletionProtection:
                    maxDeletesPerHour: 20
                  webex:
                    model: wholesale
                """.formatted(NAMESPACE, hubApiUrl, requestsPerSecond));
    }

    /** Customer {@code c}, in shard {@code shard} of {@code shards} (labelled unless it is shard 0). */
    static HasMetadata customer(KubernetesClient client, int c, int shards) {
        return labelled(customer(client, MEASURED, c, DeletionPolicy.Delete), c % shards);
    }

    /**
     * Customer {@code c} named with {@code prefix} ({@code c0001} for the measured ones), deleted in the hub with
     * it or not.
     */
    static HasMetadata customer(KubernetesClient client, String prefix, int c, DeletionPolicy policy) {
        return load(client, """
                apiVersion: partnerhub.dev/v1alpha1
                kind: Customer
                metadata:
                  name: %3$s%1$04d
                  namespace: %2$s
                spec:
                  connectionRef:
                    name: hub
                  externalId: bench-%3$s%1$04d
                  displayName: Customer %3$s%1$d
                  primaryEmail: admin@%3$s%1$04d.example.com
                  provisioningId: local-trusted
                  packages: [webex_meetings]
                  deletionPolicy: %4$s
                  address:
                    addressLine1: 771 Alder Drive
                    city: Milpitas
                    country: US
                """.formatted(c, NAMESPACE, prefix, policy)).get(0);
    }

    /** User {@code u} of customer {@code c}, in its customer's shard. */
    static HasMetadata user(KubernetesClient client, int c, int u, int shards) {
        return labelled(user(client, MEASURED, c, u, DeletionPolicy.Delete), c % shards);
    }

    /** User {@code u} of the customer {@code c} named with {@code prefix}. */
    static HasMetadata user(KubernetesClient client, String prefix, int c, int u, DeletionPolicy policy) {
        return load(client, """
                apiVersion: partnerhub.dev/v1alpha1
                kind: CustomerUser
                metadata:
                  name: %4$s%1$04d-u%2$03d
                  namespace: %3$s
                spec:
                  customerRef:
                    name: %4$s%1$04d
                  email: u%2$03d@%4$s%1$04d.example.com
                  firstName: User
                  lastName: U%2$03d
                  package: webex_meetings
                  deletionPolicy: %5$s
                """.formatted(c, u, NAMESPACE, prefix, policy)).get(0);
    }

    private static HasMetadata labelled(HasMetadata object, int shard) {
        if (shard > 0) {
            object.getMetadata().setLabels(Map.of(BenchOperators.SHARD_LABEL, BenchOperators.label(shard)));
        }
        return object;
    }

    private static List<HasMetadata> load(KubernetesClient client, String yaml) {
        return client.load(new ByteArrayInputStream(yaml.getBytes(StandardCharsets.UTF_8))).items();
    }
}
