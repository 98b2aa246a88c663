package dev.partnerhub.operator.ownership;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.partnerhub.api.v1alpha1.DeletionsStatus;
import dev.partnerhub.api.v1alpha1.PartnerConnection;
import dev.partnerhub.operator.shard.Shard;
import dev.partnerhub.operator.status.Paused;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Deletion protection: every remote deletion (a user, a customer, a subscriber a customer still holds, a licence
 * taken away) asks the budget of its connection first. Beyond {@code spec.deletionProtection.maxDeletesPerHour}
 * deletions are held until a new token of {@value #APPROVE_DELETIONS} on the connection. The ledger is kept in
 * memory and written to the connection's {@code status.deletions}, from which a restarted operator resumes.
 * Replicas that share a connection (shards) each allow their part of the hour's allowance; only the one that writes
 * connections publishes its ledger, and the others resume from it, which counts more deletions against them, not fewer.
 */
@ApplicationScoped
public class DeletionBudget {

    public static final String APPROVE_DELETIONS = "partnerhub.dev/approve-deletions";
    private static final Logger LOG = Logger.getLogger(DeletionBudget.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final KubernetesClient client;
    private final Clock clock;
    private final Shard shard;
    private final MeterRegistry meters;
    private final Map<String, DeletionLedger> ledgers = new ConcurrentHashMap<>();

    public DeletionBudget(KubernetesClient client, Clock clock, Shard shard, MeterRegistry meters) {
        this.client = client;
        this.meters = meters;
        this.shard = shard;
        this.clock = clock;
    }

    /** Whether this deletion may happen now; when not, it is held and listed on the connection. */
    public boolean allow(String connectionNamespace, String connectionName, String key, String what) {
        PartnerConnection connection = client.resources(PartnerConnection.class).inNamespace(connectionNamespace)
                .withName(connectionName).get();
        if (connection == null) {
            // Nothing says this deletion is within the allowance of a connection that cannot be read: no.
            return false;
        }
        DeletionLedger ledger = ledger(connection);
        boolean allowed;
        DeletionsStatus snapshot;
        synchronized (ledger) {
            int before = ledger.held();
            allowed = ledger.allow(key, what, allowance(connection), clock.instant());
            snapshot = ledger.status(clock.instant());
            if (!allowed && ledger.held() > before) {
                LOG.warnf("PartnerConnection %s/%s: deletion held (%d held, %d in the last hour, at most %d): %s. "
                        + "Annotate the connection with %s=<new token> to release the held deletions.",
                        connectionNamespace, connectionName, ledger.held(), snapshot.getLastHour().size(),
                        allowance(connection), what, APPROVE_DELETIONS);
            }
        }
        publish(connection, snapshot);
        return allowed;
    }

    /** The same, for a connection named by its registry key (namespace/name). */
    public boolean allow(String connectionKey, String key, String what) {
        int slash = connectionKey.indexOf('/');
        return allow(connectionKey.substring(0, slash), connectionKey.substring(slash + 1), key, what);
    }

    /**
     * A new token of the approval annotation releases the deletions held at this moment; not while the connection is
     * paused, since Customers and users then send what it releases (the token counts once the pause is lifted).
     */
    public void approveFrom(PartnerConnection connection) {
        if (Paused.on(connection)) {
            return;
        }
        Map<String, String> annotations = connection.getMetadata().getAnnotations();
        String token = annotations == null ? null : annotations.get(APPROVE_DELETIONS);
        int released = approve(connection, token);
        if (released > 0) {
            LOG.infof("PartnerConnection %s/%s: %d held deletions approved (token %s)",
                    connection.getMetadata().getNamespace(), connection.getMetadata().getName(), released, token);
        }
    }

    /** Acts on a new approval token of the connection; returns how many held deletions it released. */
    public int approve(PartnerConnection connection, String token) {
        DeletionLedger ledger = ledger(connection);
        synchronized (ledger) {
            if (token == null || token.isBlank() || token.equals(ledger.approvedToken())) {
                return 0;
            }
            return ledger.approve(token, clock.instant());
        }
    }

    /** The connection's deletions as its status shows them. */
    public DeletionsStatus status(PartnerConnection connection) {
        DeletionLedger ledger = ledger(connection);
        synchronized (ledger) {
            return ledger.status(clock.instant());
        }
    }

    /** The allowance of a connection, for messages. */
    public static int max(PartnerConnection connection) {
        return connection.getSpec().getDeletionProtection() == null ? 20
                : connection.getSpec().getDeletionProtection().getMaxDeletesPerHour();
    }

    /** This replica's part of the connection's allowance: all of it, or its shard's part. */
    private int allowance(PartnerConnection connection) {
        return shard.partOf(max(connection));
    }

    /** Forgets a deleted connection's ledger. */
    public void forget(String namespace, String name) {
        ledgers.remove(namespace + "/" + name);
    }

    private DeletionLedger ledger(PartnerConnection connection) {
        return ledgers.computeIfAbsent(connection.getMetadata().getNamespace() + "/"
                + connection.getMetadata().getName(), key -> held(key, DeletionLedger.from(connection.getStatus() == null
                        ? null : connection.getStatus().getDeletions(), clock.instant())));
    }

    /** {@code partnerhub_deletions_held{connection}}: the ledger's deletions waiting for approval. */
    private DeletionLedger held(String connection, DeletionLedger ledger) {
        Gauge.builder("partnerhub.deletions.held", ledger, l -> {
            synchronized (l) {
                return l.held();
            }
        }).description("Remote deletions held beyond the connection's deletion protection, waiting for approval.")
                .tag("connection", connection).strongReference(true).register(meters);
        return ledger;
    }

    /** Writes only {@code status.deletions}, so that it never overwrites what the connection's reconciler wrote. */
    private void publish(PartnerConnection connection, DeletionsStatus snapshot) {
        if (connection.getStatus() == null || !shard.writesConnections()) {
            return;
        }
        ArrayNode patch = JsonNodeFactory.instance.arrayNode();
        patch.addObject().put("op", "add").put("path", "/status/deletions").set("value", MAPPER.valueToTree(snapshot));
        try {
            client.resources(PartnerConnection.class).inNamespace(connection.getMetadata().getNamespace())
                    .withName(connection.getMetadata().getName()).subresource("status")
                    .patch(PatchContext.of(PatchType.JSON), patch.toString());
        } catch (KubernetesClientException e) {
            // The connection's next reconcile writes the ledger too; a lost write here costs a stale count only.
            LOG.debugf("Could not write the deletions of %s/%s: %s", connection.getMetadata().getNamespace(),
                    connection.getMetadata().getName(), e.getMessage());
        }
    }
}
