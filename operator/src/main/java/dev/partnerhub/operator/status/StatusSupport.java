package dev.partnerhub.operator.status;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partnerhub.api.v1alpha1.ProviderError;
import dev.partnerhub.providers.spi.auth.Redaction;
import dev.partnerhub.providers.spi.errors.ProviderException;
import dev.partnerhub.providers.spi.errors.RemoteError;
import java.util.List;

/** Small pure helpers shared by the status builders. */
public final class StatusSupport {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private StatusSupport() {
    }

    /** Whether two statuses would serialize differently, that is, whether a write would change anything. */
    public static boolean differs(Object previous, Object next) {
        return !MAPPER.valueToTree(previous == null ? MAPPER.createObjectNode() : previous)
                .equals(MAPPER.valueToTree(next));
    }

    /** A deep copy, so that a reconciler never edits the informer's cached object. */
    public static <T> T copy(T value, Class<T> type) {
        return MAPPER.convertValue(value, type);
    }

    public static List<ProviderError> errors(List<RemoteError> errors) {
        return errors.stream().map(e -> new ProviderError(e.code(), Redaction.apply(e.description()), e.trackingId()))
                .toList();
    }

    public static List<ProviderError> errors(ProviderException e) {
        return errors(e.errors());
    }

    /** The provider's first error text, for a condition message. */
    public static String firstDescription(ProviderException e) {
        return e.errors().isEmpty() ? e.getMessage()
                : e.errors().get(0).description() + (e.errors().get(0).code() == null ? ""
                        : " (code " + e.errors().get(0).code() + ")");
    }
}
