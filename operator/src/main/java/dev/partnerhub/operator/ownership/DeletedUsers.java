package dev.partnerhub.operator.ownership;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import dev.partnerhub.api.v1alpha1.Customer;
import dev.partnerhub.api.v1alpha1.CustomerStatus;
import dev.partnerhub.api.v1alpha1.DeletedUser;
import dev.partnerhub.operator.status.StatusConflictException;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * Which deleted users this namespace deleted, where the provider keeps deleted users restorable: recorded in the
 * Customer's {@code status.deletedUsers} before the delete is sent, so that a CustomerUser applied again restores
 * its own user (with its licences), and never one that someone else deleted.
 */
@ApplicationScoped
public class DeletedUsers {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final int ATTEMPTS = 5;
    /**
     * Partner Center keeps a deleted user restorable for 30 days ("Restore a deleted user"); after that the entry
     * cannot serve.
     */
    static final Duration RESTORABLE = Duration.ofDays(30);
    /** Bounds the Customer's status: beyond these, an older user applied again is created anew, not restored. */
    static final int KEPT = 500;

    private final KubernetesClient client;
    private final Clock clock;

    public DeletedUsers(KubernetesClient client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    /** Whether a CustomerUser of the Customer's namespace deleted this user. */
    public static boolean recorded(Customer customer, String userId) {
        return customer.getStatus() != null && customer.getStatus().getDeletedUsers().stream()
                .anyMatch(d -> userId.equals(d.getUserId()));
    }

    /** Adds the entry to the Customer's status (read fresh; written on the condition that it did not change). */
    public void record(Customer customer, DeletedUser entry) {
        String namespace = customer.getMetadata().getNamespace();
        String name = customer.getMetadata().getName();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            Customer fresh = client.resources(Customer.class).inNamespace(namespace).withName(name).get();
            if (fresh == null) {
                throw new IllegalStateException("Customer " + namespace + "/" + name + " is gone");
            }
            CustomerStatus status = fresh.getStatus() == null ? new CustomerStatus() : fresh.getStatus();
            if (status.getDeletedUsers().stream().anyMatch(d -> entry.getUserId().equals(d.getUserId()))) {
                return;
            }
            List<DeletedUser> entries = new ArrayList<>(status.getDeletedUsers());
            entries.add(entry);
            status.setDeletedUsers(new ArrayList<>(bounded(entries, clock.instant())));
            if (write(fresh, status)) {
                return;
            }
        }
        throw new StatusConflictException("Customer " + namespace + "/" + name, null);
    }

    /** The entries still worth keeping: those whose user is still deleted and restorable. */
    public static List<DeletedUser> pruned(Collection<DeletedUser> entries, Collection<String> stillDeleted) {
        return entries.stream().filter(d -> stillDeleted.contains(d.getUserId())).toList();
    }

    /** At most {@value #KEPT} entries, none older than {@link #RESTORABLE}: the most recent, in their order. */
    public static List<DeletedUser> bounded(List<DeletedUser> entries, Instant now) {
        List<DeletedUser> young = entries.stream().filter(d -> deletedAt(d).map(at -> at.plus(RESTORABLE)
                .isAfter(now)).orElse(true)).toList();
        return young.subList(Math.max(0, young.size() - KEPT), young.size());
    }

    private static Optional<Instant> deletedAt(DeletedUser entry) {
        try {
            return Optional.of(Instant.parse(entry.getDeletedAt()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private boolean write(Customer fresh, CustomerStatus status) {
        ArrayNode patch = JsonNodeFactory.instance.arrayNode();
        patch.addObject().put("op", "replace").put("path", "/metadata/resourceVersion")
                .put("value", fresh.getMetadata().getResourceVersion());
        patch.addObject().put("op", "add").put("path", "/status").set("value", MAPPER.valueToTree(status));
        try {
            client.resources(Customer.class).inNamespace(fresh.getMetadata().getNamespace())
                    .withName(fresh.getMetadata().getName()).subresource("status")
                    .patch(PatchContext.of(PatchType.JSON), patch.toString());
            return true;
        } catch (KubernetesClientException e) {
            if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
                return false;
            }
            throw e;
        }
    }
}
