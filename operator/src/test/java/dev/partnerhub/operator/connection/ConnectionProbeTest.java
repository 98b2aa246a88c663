package dev.partnerhub.operator.connection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.api.v1alpha1.PartnerConnection;
import dev.partnerhub.api.v1alpha1.PartnerConnectionStatus;
import dev.partnerhub.operator.harness.Rounds;
import dev.partnerhub.operator.status.Conditions;
import dev.partnerhub.sandbox.AdjustableClock;
import io.fabric8.kubernetes.api.model.Condition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A connection's probe, called as its reconciler calls it, over the fake provider. */
@EnableKubernetesMockClient(crud = true)
class ConnectionProbeTest {

    static KubernetesClient client;

    private final AdjustableClock clock = AdjustableClock.standingAt(Instant.parse("2026-12-06T10:00:00Z"));
    private Rounds rounds;
    private ConnectionProbe probe;

    @BeforeEach
    void aConnectionToAFakeProvider() {
        rounds = new Rounds(client, "ns-" + UUID.randomUUID().toString().substring(0, 8), clock);
        probe = new ConnectionProbe(rounds.registry, new CredentialsReport(rounds.registry, rounds.config, clock,
                rounds.meters), rounds.config);
    }

    /**
     * A probe the provider did not answer this time (a rate limit, one failure before any outage) says nothing of the
     * connection: a connection whose credentials were refused stays Stalled, waiting for a person, as Ready stays.
     */
    @Test
    void aProbeNotAnsweredThisTimeLeavesACredentialsProblemStalled() {
        PartnerConnection connection = client.resources(PartnerConnection.class).inNamespace(rounds.namespace)
                .withName("fake").get();
        PartnerConnectionStatus status = new PartnerConnectionStatus();
        Conditions.builder().refused(ConnectionReason.CredentialsRejected, "The provider refused the token.")
                .applyTo(status, connection.getMetadata().getGeneration(), clock);
        rounds.fake.unavailable(true);

        Conditions conditions = Conditions.builder();
        probe.probe(connection, conditions);
        conditions.applyTo(status, connection.getMetadata().getGeneration(), clock);

        assertThat(condition(status, Conditions.SYNCED)).isEqualTo("False/ProbeDeferred");
        assertThat(condition(status, Conditions.READY)).isEqualTo("False/CredentialsRejected");
        assertThat(condition(status, Conditions.STALLED)).isEqualTo("True/CredentialsRejected");
    }

    private static String condition(PartnerConnectionStatus status, String type) {
        Condition c = Conditions.find(status.getConditions(), type).orElseThrow();
        return c.getStatus() + "/" + c.getReason();
    }
}
