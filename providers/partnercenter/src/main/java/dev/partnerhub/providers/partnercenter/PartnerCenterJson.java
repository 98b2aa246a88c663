package dev.partnerhub.providers.partnercenter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partnerhub.providers.spi.errors.ProviderProtocolException;
import dev.partnerhub.providers.spi.model.RemoteUser;
import dev.partnerhub.providers.spi.model.UserDetails;
import dev.partnerhub.providers.spi.model.UserState;
import java.time.Instant;
import java.util.List;

/** Reads and writes Partner Center's CustomerUser objects. */
final class PartnerCenterJson {

    private PartnerCenterJson() {
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    static void putIfSet(ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    /** A field the API documents as always present; its absence means the reply cannot be trusted. */
    static String required(JsonNode node, String field, String what) {
        String value = text(node, field);
        if (value == null || value.isBlank()) {
            throw new ProviderProtocolException("the provider's " + what + " has no " + field, 0, null, null);
        }
        return value;
    }

    /**
     * A reply must be about what was asked: the user made for a principal name carries it, the one read or changed by
     * ID carries that ID. Anything else is someone else's object, never one to record.
     */
    static void expect(String call, String what, String asked, String answered) {
        if (asked == null || !asked.equalsIgnoreCase(answered)) {
            throw new ProviderProtocolException(call + ": asked for " + what + " " + asked + ", the reply is about "
                    + (answered == null ? "none" : answered) + "; it is not used", 0, null, null);
        }
    }

    /** How long Partner Center keeps a deleted user restorable. */
    static final java.time.Duration RESTORE_WINDOW = java.time.Duration.ofDays(30);

    /** A user: active, or inactive (deleted, restorable until 30 days after its softDeletionTime). */
    static RemoteUser user(JsonNode node) {
        String state = text(node, "state");
        String upn = required(node, "userPrincipalName", "user");
        String id = required(node, "id", "user");
        return new RemoteUser(id, upn, upn, id, null, state(state), state, List.of(), null, null, false,
                new UserDetails(text(node, "firstName"), text(node, "lastName"), text(node, "displayName"),
                        text(node, "phoneNumber"), null, null, text(node, "usageLocation")),
                restorableUntil(instant(text(node, "softDeletionTime"))));
    }

    static UserState state(String state) {
        if (state == null) {
            return UserState.UNKNOWN;
        }
        return switch (state) {
            case "active" -> UserState.PROVISIONED;
            case "inactive" -> UserState.DELETED;
            default -> UserState.UNKNOWN;
        };
    }

    private static Instant restorableUntil(Instant softDeletionTime) {
        return softDeletionTime == null ? null : softDeletionTime.plus(RESTORE_WINDOW);
    }

    private static Instant instant(String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
