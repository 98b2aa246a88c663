package dev.partnerhub.cli.local;

import com.fasterxml.jackson.databind.JsonNode;
import io.fabric8.kubernetes.api.model.Status;
import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.StatusCause;
import io.fabric8.kubernetes.api.model.StatusCauseBuilder;
import io.fabric8.kubernetes.client.server.mock.crud.KubernetesCrudDispatcherException;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A write refused because the object breaks its CRD's schema, answered as a real API server answers it: 422
 * {@code Invalid} with one cause per field, or, when the only faults are fields the schema does not declare (which
 * counts only when the request asked for strict validation), 400 {@code BadRequest} ("strict decoding error: unknown
 * field ...").
 *
 * <p>Fabric8's CRUD handlers turn this exception into the reply ({@link #toStatusBody()}); they pass the final object
 * to {@code processEvent} before storing it, which is where it is checked, and that method does not declare the
 * exception, so it is thrown there unchecked ({@link #raise()}).
 */
final class InvalidObject extends KubernetesCrudDispatcherException {

    private final transient Status status;

    InvalidObject(JsonNode object, List<CrdSchemas.Violation> violations) {
        this(status(object, violations));
    }

    private InvalidObject(Status status) {
        super(status.getMessage(), status.getCode());
        this.status = status;
    }

    @Override
    public String toStatusBody() {
        return Serialization.asJson(status);
    }

    /** Throws this from a method that does not declare it; Fabric8's handlers catch it by its type. */
    RuntimeException raise() {
        return InvalidObject.<RuntimeException>sneaky(this);
    }

    @SuppressWarnings("unchecked")
    private static <E extends Throwable> E sneaky(Throwable e) throws E {
        throw (E) e;
    }

    private static Status status(JsonNode object, List<CrdSchemas.Violation> violations) {
        String kind = object.path("kind").asText();
        String apiVersion = object.path("apiVersion").asText();
        String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
        String name = object.path("metadata").path("name").asText();
        boolean strictOnly = violations.stream().allMatch(CrdSchemas.Violation::unknownField);
        String message = strictOnly
                ? kind + " in version \"" + apiVersion.substring(apiVersion.indexOf('/') + 1) + "\" cannot be handled as a "
                        + kind + ": strict decoding error: " + violations.stream().map(CrdSchemas.Violation::message)
                        .collect(Collectors.joining(", "))
                : kind + "." + group + " \"" + name + "\" is invalid: " + violations.stream()
                        .map(v -> switch (v.kind()) {
                            case NOT_FOUND -> v.message();
                            case REQUIRED -> v.field() + ": " + v.message();
                            case INVALID -> v.field() + ": Invalid value: " + v.message();
                        })
                        .collect(Collectors.joining(", "));
        List<StatusCause> causes = violations.stream().map(v -> new StatusCauseBuilder()
                .withReason(v.kind().reason).withMessage(v.message())
                .withField(v.field()).build()).toList();
        return new StatusBuilder().withStatus("Failure").withMessage(message)
                .withReason(strictOnly ? "BadRequest" : "Invalid").withCode(strictOnly ? 400 : 422)
                .withNewDetails().withName(name).withGroup(group).withKind(kind).withCauses(causes).endDetails()
                .build();
    }
}
