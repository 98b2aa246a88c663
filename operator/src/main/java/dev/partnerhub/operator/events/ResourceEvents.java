package dev.partnerhub.operator.events;

import dev.partnerhub.operator.metrics.ReconcileErrors;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.MicroTime;
import io.fabric8.kubernetes.api.model.ObjectReferenceBuilder;
import io.fabric8.kubernetes.api.model.events.v1.Event;
import io.fabric8.kubernetes.api.model.events.v1.EventBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.jboss.logging.Logger;

/**
 * Writes what status rounds tell as Events (events.k8s.io/v1, which {@code kubectl describe} and {@code kubectl get
 * events} show), regarding the resource, under the {@link EventBudget}: a repeat is counted on the Event already
 * written ({@code series}), not written anew. An Event that cannot be written (no permission, the namespace going)
 * is logged at debug level and never fails the reconcile: the status says the same.
 */
@ApplicationScoped
public class ResourceEvents {

    /** The controller Events name as their reporter. */
    static final String CONTROLLER = "partnerhub.dev/operator";
    private static final Logger LOG = Logger.getLogger(ResourceEvents.class);
    private static final int NOTE_BYTES = 1024;
    private static final DateTimeFormatter MICRO = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSXXX")
            .withZone(java.time.ZoneOffset.UTC);

    private final Clock clock;
    private final String instance;
    private final ReconcileErrors errors;
    private final EventBudget budget = new EventBudget();
    private int told;

    @Inject
    public ResourceEvents(Clock clock, ReconcileErrors errors) {
        this(clock, Optional.ofNullable(System.getenv("HOSTNAME")).filter(h -> !h.isBlank())
                .orElse("partnerhub-operator"), errors);
    }

    public ResourceEvents(Clock clock, String instance, ReconcileErrors errors) {
        this.clock = clock;
        this.instance = instance;
        this.errors = errors;
    }

    /** Tells each occurrence of a round about {@code resource}, within its allowance. */
    public void record(KubernetesClient client, HasMetadata resource, List<Occurrence> occurrences) {
        for (Occurrence occurrence : occurrences) {
            if (occurrence.warning()) {
                errors.count(resource.getKind(), occurrence.reason());
            }
            tell(client, resource, occurrence);
        }
    }

    private void tell(KubernetesClient client, HasMetadata resource, Occurrence occurrence) {
        Instant now = clock.instant();
        String uid = resource.getMetadata().getUid();
        // The message by its hash: 10,000 users' keys stay small.
        String key = uid + "|" + occurrence.type() + "|" + occurrence.reason() + "|"
                + Integer.toHexString(java.util.Objects.hashCode(occurrence.message()));
        Event create = null;
        String patch = null;
        String name;
        synchronized (this) {
            if (++told % 1000 == 0) {
                budget.forgetOld(now);
            }
            EventBudget.Written written = budget.find(key, now);
            if (written != null) {
                written.count++;
                written.lastSeen = now;
                if (written.lastWrite.plus(EventBudget.SERIES_INTERVAL).isAfter(now) || !budget.take(uid, now)) {
                    return;
                }
                written.lastWrite = now;
                name = written.name;
                patch = series(written.count, now);
            } else {
                if (!budget.take(uid, now)) {
                    return;
                }
                name = resource.getMetadata().getName() + "." + Long.toHexString(ThreadLocalRandom.current()
                        .nextLong() >>> 8);
                budget.remember(key, new EventBudget.Written(name, now));
                create = event(resource, occurrence, name, now);
            }
        }
        String namespace = resource.getMetadata().getNamespace();
        try {
            if (create != null) {
                client.resource(create).create();
            } else {
                client.resources(Event.class).inNamespace(namespace).withName(name)
                        .patch(PatchContext.of(PatchType.JSON_MERGE), patch);
            }
        } catch (KubernetesClientException e) {
            // Not written (a create), or gone (a count): the next repeat starts a new Event.
            synchronized (this) {
                budget.forget(key);
            }
            LOG.debugf("Event %s/%s (%s) not written: HTTP %d %s", namespace, name, occurrence.reason(), e.getCode(),
                    e.getStatus() == null ? e.getMessage() : e.getStatus().getMessage());
        }
    }

    private Event event(HasMetadata resource, Occurrence occurrence, String name, Instant now) {
        return new EventBuilder().withNewMetadata().withName(name).withNamespace(resource.getMetadata().getNamespace())
                .endMetadata()
                .withEventTime(new MicroTime(micro(now)))
                .withReportingController(CONTROLLER).withReportingInstance(instance)
                .withAction("Reconcile").withReason(occurrence.reason()).withType(occurrence.type())
                .withNote(note(occurrence.message()))
                .withRegarding(new ObjectReferenceBuilder().withApiVersion(resource.getApiVersion())
                        .withKind(resource.getKind()).withNamespace(resource.getMetadata().getNamespace())
                        .withName(resource.getMetadata().getName()).withUid(resource.getMetadata().getUid())
                        .withResourceVersion(resource.getMetadata().getResourceVersion()).build())
                .build();
    }

    private static String series(int count, Instant now) {
        return "{\"series\":{\"count\":" + count + ",\"lastObservedTime\":\"" + micro(now) + "\"}}";
    }

    private static String micro(Instant now) {
        return MICRO.format(now.truncatedTo(ChronoUnit.MICROS));
    }

    /** The message, cut to what the API server keeps in an Event's note (1 kB of UTF-8), on a character boundary. */
    static String note(String message) {
        if (message == null || message.getBytes(java.nio.charset.StandardCharsets.UTF_8).length <= NOTE_BYTES) {
            return message;
        }
        StringBuilder cut = new StringBuilder();
        int bytes = 3;
        for (int i = 0; i < message.length(); ) {
            int codePoint = message.codePointAt(i);
            bytes += new String(Character.toChars(codePoint)).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            if (bytes > NOTE_BYTES) {
                break;
            }
            cut.appendCodePoint(codePoint);
            i += Character.charCount(codePoint);
        }
        return cut.append("...").toString();
    }

    /** Events remembered for repeats: for the memory benchmark and the tests. */
    synchronized int remembered() {
        return budget.remembered();
    }
}
