package dev.partnerhub.providers.webex;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partnerhub.providers.spi.errors.ProviderProtocolException;
import dev.partnerhub.providers.spi.errors.RemoteError;
import dev.partnerhub.providers.spi.model.RemoteCustomer;
import dev.partnerhub.providers.spi.model.RemotePackage;
import dev.partnerhub.providers.spi.model.RemoteUser;
import dev.partnerhub.providers.spi.model.UserDetails;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Reads the Webex wire objects (Customer, Subscriber, Enterprise) into the provider's value objects. */
final class WebexJson {

    private WebexJson() {
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** Writes a field only when it has a value: Webex treats an empty string as "clear this field". */
    static void putIfSet(com.fasterxml.jackson.databind.node.ObjectNode node, String field, String value) {
        if (value != null) {
            node.put(field, value);
        }
    }

    static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }

    static List<RemoteError> errors(JsonNode array) {
        List<RemoteError> errors = new ArrayList<>();
        array.forEach(e -> errors.add(new RemoteError(text(e, "errorCode"), text(e, "description"), null)));
        return errors;
    }

    /** Webex's IDs: unpadded base64url (of ciscospark://...), as every example of Cisco's files shows them. */
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{8,}={0,2}");

    /** Whether a value has the form of a Webex ID. */
    static boolean isId(String value) {
        return value != null && ID.matcher(value).matches();
    }

    /**
     * A reply must be about what was asked: the object read by ID carries that ID, the one made for a key carries that
     * key, the ones listed for a customer belong to it. Anything else is someone else's object, never one to record.
     */
    static void expect(String call, String what, String asked, String answered) {
        if (asked == null || !asked.equalsIgnoreCase(answered)) {
            throw new ProviderProtocolException(call + ": asked for " + what + " " + asked + ", the reply is about "
                    + (answered == null ? "none" : answered) + "; it is not used", 0, null, null);
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

    static RemoteCustomer customer(JsonNode node) {
        List<RemotePackage> details = new ArrayList<>();
        node.path("resourceDetails").path("packages").forEach(p -> details.add(new RemotePackage(text(p, "name"),
                text(p, "status"), errors(p.path("warnings")), errors(p.path("errors")))));
        String status = text(node, "status");
        return new RemoteCustomer(required(node, "id", "customer"), text(node, "orgId"), text(node, "externalId"),
                WebexStates.customer(status), status, strings(node.path("packages")), details,
                errors(node.path("errors")));
    }

    /**
     * A Wholesale or BroadWorks subscriber; {@code keyField} is the field that identifies it ({@code email} or
     * {@code userId}). Its names and numbers are read where the record carries them (BroadWorks).
     */
    static RemoteUser subscriber(JsonNode node, String keyField) {
        String pkg = text(node, "package");
        if (pkg == null && node.path("packages").size() > 0) {
            pkg = node.path("packages").get(0).asText();
        }
        String status = text(node, "status");
        return new RemoteUser(required(node, "id", "subscriber"), text(node, keyField), text(node, "email"),
                text(node, "personId"), pkg, WebexStates.user(status), status, errors(node.path("errors")),
                instant(text(node, "created")), instant(text(node, "lastStatusChange")),
                node.path("selfActivated").asBoolean(false), new UserDetails(text(node, "firstName"),
                        text(node, "lastName"), null, text(node, "primaryPhoneNumber"), text(node, "extension"), null,
                        null), null);
    }

    private static Instant instant(String value) {
        try {
            return value == null ? null : Instant.parse(value);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
