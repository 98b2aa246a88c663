package dev.partnerhub.operator.logging;

import dev.partnerhub.api.v1alpha1.ConnectionRef;
import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.PartnerConnection;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.MDC;

/**
 * The fields every line a reconcile writes carries (the log's MDC, a JSON log's {@code mdc} object): the resource's
 * {@code kind}, {@code namespace} and {@code name}, a {@code reconcileId} shared by the lines of one reconcile, and,
 * once known, the {@code connection} it goes through. Opened at the top of each reconcile and cleanup, closed at its
 * end, on the thread that runs it.
 */
public final class ReconcileLog implements AutoCloseable {

    static final String KIND = "kind";
    static final String NAMESPACE = "namespace";
    static final String NAME = "name";
    static final String RECONCILE_ID = "reconcileId";
    static final String CONNECTION = "connection";

    private ReconcileLog() {
    }

    /** Starts the fields of one reconcile of {@code resource}, with its connection when the resource names it. */
    public static ReconcileLog open(HasMetadata resource, String connection) {
        MDC.put(KIND, resource.getKind());
        MDC.put(NAMESPACE, resource.getMetadata().getNamespace());
        MDC.put(NAME, resource.getMetadata().getName());
        MDC.put(RECONCILE_ID, Long.toHexString(ThreadLocalRandom.current().nextLong() >>> 16));
        connection(connection);
        return new ReconcileLog();
    }

    /** A connection's own reconcile: the connection it goes through is itself. */
    public static ReconcileLog open(PartnerConnection connection) {
        return open(connection, connection.getMetadata().getName());
    }

    /** The same, for a resource of {@code customer} (or the Customer itself): its connection is the Customer's. */
    public static ReconcileLog open(HasMetadata resource, Optional<Customer> customer) {
        return open(resource, customer.map(c -> c.getSpec().getConnectionRef()).map(ConnectionRef::getName)
                .orElse(null));
    }

    /** The connection the reconcile goes through, once it is known (a user's, from its Customer). */
    public static void connection(String name) {
        if (name != null) {
            MDC.put(CONNECTION, name);
        }
    }

    @Override
    public void close() {
        MDC.remove(KIND);
        MDC.remove(NAMESPACE);
        MDC.remove(NAME);
        MDC.remove(RECONCILE_ID);
        MDC.remove(CONNECTION);
    }
}
