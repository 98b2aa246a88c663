package dev.partnerhub.operator.status;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Map;

/**
 * {@code partnerhub.dev/paused: "true"} on any of the four kinds (DESIGN.md's imperative actions): no provider call
 * at all for that resource while it is set. Its reconcile states {@link Conditions#paused} and stops before any
 * check, call or action token; a Customer's or user's finalizer holds the deletion; a paused LicenseAssignment holds
 * its Customer's users' licences as they are. Removing the annotation (or any other value) resumes it at once: the
 * annotation's change is an event of its controller. A paused PartnerConnection still makes its provider from its spec
 * and Secret (no call), so that its Customers keep working, but does not probe or release held deletions.
 */
public final class Paused {

    public static final String ANNOTATION = "partnerhub.dev/paused";

    private Paused() {
    }

    /** Whether a person paused the resource. */
    public static boolean on(HasMetadata resource) {
        Map<String, String> annotations = resource.getMetadata().getAnnotations();
        return annotations != null && "true".equals(annotations.get(ANNOTATION));
    }

    /** The message of a paused round. */
    public static String message(HasMetadata resource, boolean deleting) {
        return (deleting ? "Deletion held: " : "") + "paused by the annotation " + ANNOTATION + "=\"true\": the "
                + "operator makes no provider call for this " + resource.getKind() + " until it is removed.";
    }
}
