package dev.partnerhub.operator.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.partnerhub.api.v1alpha1.PartnerConnection;
import dev.partnerhub.sandbox.AdjustableClock;
import dev.partnerhub.operator.harness.Rounds;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.micrometer.core.instrument.Meter;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A connection's series live as long as the operator can use the connection. */
@EnableKubernetesMockClient(crud = true)
class ProviderRegistryMetricsTest {

    static KubernetesClient client;

    @Test
    void aConnectionWhoseCredentialsAreTakenAwayLeavesNoCircuitBehind() throws Exception {
        Rounds rounds = new Rounds(client, "ns-" + UUID.randomUUID().toString().substring(0, 8),
                AdjustableClock.standingAt(Instant.parse("2026-12-06T10:00:00Z")));
        String key = rounds.namespace + "/fake";
        rounds.registry.refresh(connection(rounds));
        assertThat(series(rounds, key)).as("the circuit of a connection in use").isNotEmpty();

        client.resources(Secret.class).inNamespace(rounds.namespace).withName("hub-token").delete();
        assertThatThrownBy(() -> rounds.registry.refresh(connection(rounds))).isInstanceOf(ConnectionException.class);
        assertThat(series(rounds, key)).as("no series reads the breaker of a provider the operator dropped").isEmpty();
    }

    private static PartnerConnection connection(Rounds rounds) {
        return client.resources(PartnerConnection.class).inNamespace(rounds.namespace).withName("fake").get();
    }

    private static List<Meter.Id> series(Rounds rounds, String connection) {
        return rounds.meters.getMeters().stream().map(Meter::getId)
                .filter(id -> connection.equals(id.getTag("connection"))).toList();
    }
}
