package dev.partnerhub.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One reply on the wire, as an injected fault may spoil it after the call was handled: delayed, dropped,
 * replaced by one the API does not document, or stalled in the middle of its body.
 */
record Reply(int status, Map<String, String> headers, String body, Faults.Fault fault) {

    private static final String CANNED_ID = "Y2lzY29zcGFyazovL3VzL0NBTk5FRC9zb21lb25lLWVsc2U";
    /** One object that looks like any of them, someone else's; with itself as the only item of a list. */
    private static final String CANNED;

    static {
        com.fasterxml.jackson.databind.node.ObjectNode other = Json.object().put("id", CANNED_ID)
                .put("orgId", "Y2lzY29zcGFyazovL3VzL09SR0FOSVpBVElPTi9zb21lb25lLWVsc2U")
                .put("externalId", "someone-else").put("customerId", CANNED_ID).put("spEnterpriseId", "Other+else")
                .put("email", "someone@else.example.com").put("userId", "someone@else.example.com")
                .put("userPrincipalName", "someone@else.example.com").put("personId", CANNED_ID)
                .put("status", "provisioned").put("state", "active").put("package", "webex_meetings")
                .put("displayName", "Someone Else");
        other.putArray("packages").add("webex_meetings");
        other.putArray("emails").add("someone@else.example.com");
        com.fasterxml.jackson.databind.node.ObjectNode canned = other.deepCopy();
        canned.putArray("items").add(other);
        canned.put("totalCount", 1).put("url", "https://elsewhere.example.com/v1/wholesale/customers/" + CANNED_ID);
        CANNED = canned.toString();
    }

    private static final String MAINTENANCE_PAGE = "<!DOCTYPE html><html><head><title>503 Service Unavailable</title>"
            + "</head><body><h1>Down for maintenance</h1><p>Please try again later.</p></body></html>";

    void send(HttpExchange exchange) throws IOException {
        if (fault != null && fault.replyDelayMs() > 0) {
            pause(fault.replyDelayMs());
        }
        if (fault != null && fault.lostReply()) {
            exchange.close();
            return;
        }
        Map<String, String> outHeaders = new LinkedHashMap<>(headers);
        String outBody = body;
        String contentType = "application/json;charset=UTF-8";
        int outStatus = status;
        if (fault != null && fault.malformed() != null && status < 300) {
            switch (fault.malformed()) {
                case HTML -> {
                    outBody = MAINTENANCE_PAGE;
                    contentType = "text/html;charset=UTF-8";
                    outStatus = 200;
                }
                case TRUNCATED -> outBody = body.substring(0, body.length() / 2);
                case NO_IDS -> {
                    outBody = withoutIds(body);
                    outHeaders.remove("Location");
                }
                case CANNED -> {
                    outBody = CANNED;
                    outHeaders.put("Location", "https://elsewhere.example.com/v1/wholesale/customers/" + CANNED_ID);
                }
            }
        }
        outHeaders.forEach((k, v) -> exchange.getResponseHeaders().add(k, v));
        if (!outBody.isEmpty()) {
            exchange.getResponseHeaders().add("Content-Type", contentType);
        }
        byte[] bytes = outBody.getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(outStatus, bytes.length == 0 ? -1 : bytes.length);
        if (fault != null && fault.stallMs() > 0) {
            OutputStream out = exchange.getResponseBody();
            out.write(bytes, 0, bytes.length / 2);
            out.flush();
            pause(fault.stallMs());
            exchange.close();
            return;
        }
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The body with every {@code id} and {@code url} member removed, at any depth. */
    private static String withoutIds(String body) {
        if (body.isEmpty()) {
            return body;
        }
        try {
            JsonNode tree = Json.MAPPER.readTree(body);
            strip(tree);
            return Json.MAPPER.writeValueAsString(tree);
        } catch (IOException e) {
            return body;
        }
    }

    private static void strip(JsonNode node) {
        if (node instanceof ObjectNode object) {
            object.remove("id");
            object.remove("url");
        }
        node.forEach(Reply::strip);
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
