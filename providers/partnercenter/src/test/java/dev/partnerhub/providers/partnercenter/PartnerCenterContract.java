package dev.partnerhub.providers.partnercenter;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partnerhub.sandbox.RecordedExchange;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Partner Center's documented contract as a checker of recorded exchanges, from {@code ../shared/partnercenter-api.md}
 * and the Microsoft pages named below (summarised in {@code docs/vendors/partner-center.md}). Each call must be a
 * documented operation, carry only its documented query parameters, headers and body fields (objects are closed over
 * what the page's resource table lists; names compare without case, as Microsoft's own examples mix
 * {@code Id}/{@code id}), and be answered with a documented status and shape; then the rules the pages state in prose.
 */
final class PartnerCenterContract {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final String GUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    /** "Headers" (partner-center/developer/headers): what a request carries; the transport's own besides. */
    private static final Set<String> REQUEST_HEADERS = lower("Authorization", "Accept", "MS-RequestId",
            "MS-CorrelationId", "MS-Contract-Version", "If-Match", "MS-PartnerCenter-Application", "X-Locale",
            "MS-ContinuationToken", "Content-Type", "Host", "Content-Length", "User-Agent", "Connection", "Upgrade",
            "HTTP2-Settings");

    /** One documented operation: its page, method and path, query parameters, body and reply shapes. */
    record Operation(String page, String method, Pattern path, Map<String, Pattern> query, PcShape body,
            Set<Integer> success, PcShape reply) {
    }

    private static final String TENANT = "/v1/customers/" + GUID;
    private static final String USER = TENANT + "/users/" + GUID;
    private static final String ROLE = TENANT + "/directoryroles/[^/]+";

    /** Query parameters: "size" 1 to 500 and "seekOperation" on collections (REST reference, get-users). */
    private static final Pattern SIZE = Pattern.compile("[1-9][0-9]{0,2}");
    private static final Pattern NEXT = Pattern.compile("(?i)next");
    private static final Pattern GROUP = Pattern.compile("Group[12]");
    /** "View a deleted user": the filter of inactive users, exactly as the page builds it. */
    private static final Pattern INACTIVE = Pattern.compile(
            "\\{\"Field\":\"UserState\",\"Value\":\"Inactive\",\"Operator\":\"equals\"}");

    static final List<Operation> OPERATIONS = List.of(
            new Operation("get-a-list-of-customers", "GET", path("/v1/customers"),
                    Map.of("size", SIZE, "seekOperation", NEXT), null, Set.of(200), PcShape.collection(PcShape.CUSTOMER)),
            new Operation("get-a-customer-by-id", "GET", path(TENANT), Map.of(), null, Set.of(200), PcShape.CUSTOMER),
            new Operation("get-a-list-of-all-user-accounts-for-a-customer, view-a-deleted-user", "GET",
                    path(TENANT + "/users"), Map.of("size", SIZE, "seekOperation", NEXT, "filter", INACTIVE), null,
                    Set.of(200), PcShape.collection(PcShape.CUSTOMER_USER)),
            new Operation("create-user-accounts-for-a-customer", "POST", path(TENANT + "/users"), Map.of(),
                    PcShape.NEW_USER, Set.of(200), PcShape.CUSTOMER_USER),
            new Operation("get-a-user-account-by-id", "GET", path(USER), Map.of(), null, Set.of(200),
                    PcShape.CUSTOMER_USER),
            new Operation("update-user-accounts-for-a-customer, reset-user-password-for-a-customer, "
                    + "restore-a-user-for-a-customer", "PATCH", path(USER), Map.of(), PcShape.USER_PATCH, Set.of(200),
                    PcShape.CUSTOMER_USER),
            new Operation("delete-user-accounts-for-a-customer", "DELETE", path(USER), Map.of(), null, Set.of(204),
                    null),
            new Operation("assign-licenses-to-a-user", "POST", path(USER + "/licenseupdates"), Map.of(),
                    PcShape.LICENSE_UPDATE, Set.of(201), PcShape.LICENSE_UPDATE),
            new Operation("check-which-licenses-are-assigned-to-a-user, get-licenses-assigned-to-a-user-by-license-group",
                    "GET", path(USER + "/licenses"), Map.of("licenseGroupIds", GROUP), null, Set.of(200),
                    PcShape.collection(PcShape.LICENSE)),
            new Operation("get-a-list-of-available-licenses, get-a-list-of-available-licenses-by-license-group",
                    "GET", path(TENANT + "/subscribedskus"), Map.of("licenseGroupIds", GROUP), null, Set.of(200),
                    PcShape.collection(PcShape.SUBSCRIBED_SKU)),
            new Operation("get-user-roles-for-a-customer (all roles)", "GET", path(TENANT + "/directoryroles"),
                    Map.of(), null, Set.of(200), PcShape.collection(PcShape.DIRECTORY_ROLE)),
            new Operation("get-user-roles-for-a-customer (a user's roles)", "GET", path(USER + "/directoryroles"),
                    Map.of(), null, Set.of(200), PcShape.collection(PcShape.DIRECTORY_ROLE)),
            new Operation("get-user-roles-for-a-customer (a role's members)", "GET", path(ROLE + "/usermembers"),
                    Map.of("size", SIZE, "seekOperation", NEXT), null, Set.of(200),
                    PcShape.collection(PcShape.USER_MEMBER)),
            new Operation("set-user-roles-for-a-customer", "POST", path(ROLE + "/usermembers"), Map.of(),
                    PcShape.NEW_MEMBER, Set.of(201), PcShape.USER_MEMBER),
            new Operation("remove-customer-user-from-a-role", "DELETE", path(ROLE + "/usermembers/" + GUID), Map.of(),
                    null, Set.of(204), null));

    private static Pattern path(String regex) {
        return Pattern.compile(regex);
    }

    /** Every breach, one line each naming the call. */
    List<String> violations(List<RecordedExchange> exchanges) throws Exception {
        List<String> violations = new ArrayList<>();
        exchanges.stream().filter(IdentityPlatformContract::isTokenCall)
                .forEach(e -> IdentityPlatformContract.check(e, violations));
        Set<String> requestIds = new HashSet<>();
        Set<String> correlationIds = new HashSet<>();
        Map<String, String> tokens = new HashMap<>();
        Map<String, String> groups = new HashMap<>();
        for (RecordedExchange e : exchanges) {
            if (IdentityPlatformContract.isTokenCall(e)) {
                continue;
            }
            String call = e.method() + " " + e.path();
            List<String> found = new ArrayList<>();
            Operation op = OPERATIONS.stream().filter(o -> o.method().equals(e.method())
                    && o.path().matcher(e.path()).matches()).findFirst().orElse(null);
            if (op == null) {
                violations.add(call + ": no Partner Center page documents this call");
                continue;
            }
            headers(e, requestIds, correlationIds, tokens, found);
            query(e, op, found);
            JsonNode body = e.requestBody().isBlank() ? null : MAPPER.readTree(e.requestBody());
            if ((op.body() == null) != (body == null)) {
                found.add(op.body() == null ? "a body where the page documents none" : "no body");
            } else if (body != null) {
                op.body().check("request", body, found);
            }
            reply(e, op, found);
            rules(e, body, groups, found);
            learn(e, tokens, groups);
            found.forEach(f -> violations.add(call + " -> " + e.status() + " (" + op.page() + "): " + f));
        }
        return violations;
    }

    /**
     * The headers page: Authorization (Bearer), Accept, a new GUID MS-RequestId per call (the same only for a retry
     * whose reply never came, which a complete run of replies never has), a GUID MS-CorrelationId "reset for every
     * call", MS-Contract-Version; MS-ContinuationToken only with seekOperation=Next and only the one links.next gave.
     */
    private static void headers(RecordedExchange e, Set<String> requestIds, Set<String> correlationIds,
            Map<String, String> tokens, List<String> found) {
        Map<String, String> h = e.requestHeaders();
        h.keySet().stream().filter(k -> !REQUEST_HEADERS.contains(k.toLowerCase(Locale.ROOT)))
                .forEach(k -> found.add("header " + k + " is not a Partner Center request header"));
        if (!String.valueOf(header(h, "Authorization")).startsWith("Bearer ")) {
            found.add("Authorization: Bearer is required");
        }
        if (!"application/json".equals(header(h, "Accept"))) {
            found.add("Accept: application/json is required");
        }
        if (header(h, "MS-Contract-Version") == null) {
            found.add("MS-Contract-Version is required");
        }
        String requestId = header(h, "MS-RequestId");
        if (requestId == null || !requestId.matches(GUID) || !requestIds.add(requestId)) {
            found.add("MS-RequestId must be a new GUID for a call that is not a retry of an unanswered one: "
                    + requestId);
        }
        String correlationId = header(h, "MS-CorrelationId");
        if (correlationId == null || !correlationId.matches(GUID) || !correlationIds.add(correlationId)) {
            found.add("MS-CorrelationId must be a new GUID on every call: " + correlationId);
        }
        boolean next = e.query().getOrDefault("seekOperation", List.of()).stream().anyMatch(v -> NEXT.matcher(v)
                .matches());
        String token = header(h, "MS-ContinuationToken");
        if (next != (token != null)) {
            found.add("MS-ContinuationToken goes with seekOperation=Next, and only with it");
        } else if (next && !token.equals(tokens.get(e.path()))) {
            found.add("MS-ContinuationToken is not the one the previous page's links.next named");
        }
    }

    private static void query(RecordedExchange e, Operation op, List<String> found) {
        e.query().forEach((name, values) -> {
            Pattern allowed = op.query().get(name);
            if (allowed == null) {
                found.add("query parameter " + name + " is not documented for this call");
                return;
            }
            values.stream().filter(v -> !allowed.matcher(URLDecoder.decode(v, StandardCharsets.UTF_8)).matches())
                    .forEach(v -> found.add("query parameter " + name + "=" + v + " is not a documented value"));
        });
    }

    /** Success as the page shows it, else the error body of "Partner Center error codes" (or the 429 one). */
    private static void reply(RecordedExchange e, Operation op, List<String> found) throws Exception {
        if (e.status() < 300 && !op.success().contains(e.status())) {
            found.add("answered " + e.status() + ", the page shows " + op.success());
        }
        if (e.responseBody().isBlank()) {
            if (e.status() < 300 && op.reply() != null) {
                found.add("no reply body");
            }
            return;
        }
        JsonNode reply = MAPPER.readTree(e.responseBody());
        if (e.status() >= 400) {
            (e.status() == 429 ? PcShape.THROTTLED : PcShape.ERROR).check("error", reply, found);
        } else if (op.reply() == null) {
            found.add("a reply body where the page shows none");
        } else {
            op.reply().check("reply", reply, found);
        }
    }

    /**
     * "Assign licenses to a user": one request touches one licence group. "Set user roles": the member named is the
     * user of the path's role call, by ID and UPN as the user's own record gives them.
     */
    private static void rules(RecordedExchange e, JsonNode body, Map<String, String> groups, List<String> found) {
        if (body == null) {
            return;
        }
        if (e.path().endsWith("/licenseupdates")) {
            Set<String> touched = new HashSet<>();
            body.path("licensesToAssign").forEach(l -> touched.add(groups.getOrDefault(
                    l.path("skuId").asText().toLowerCase(Locale.ROOT), "unknown SKU " + l.path("skuId").asText())));
            body.path("licensesToRemove").forEach(l -> touched.add(groups.getOrDefault(
                    l.asText().toLowerCase(Locale.ROOT), "unknown SKU " + l.asText())));
            if (touched.size() != 1 || touched.iterator().next().startsWith("unknown")) {
                found.add("a licence update must touch exactly one known licence group: " + touched);
            }
        }
        if (e.path().endsWith("/usermembers") && e.method().equals("POST")) {
            JsonNode id = PcShape.field(body, "Id");
            if (id == null || !id.asText().matches(GUID) || PcShape.field(body, "UserPrincipalName") == null) {
                found.add("the member must name the user's Id and UserPrincipalName");
            }
        }
    }

    /** What replies taught: each collection's next continuation token, each SKU's licence group. */
    private static void learn(RecordedExchange e, Map<String, String> tokens, Map<String, String> groups)
            throws Exception {
        if (e.status() != 200 || e.responseBody().isBlank()) {
            return;
        }
        JsonNode reply = MAPPER.readTree(e.responseBody());
        tokens.remove(e.path());
        for (JsonNode header : reply.path("links").path("next").path("headers")) {
            if ("MS-ContinuationToken".equalsIgnoreCase(header.path("key").asText())) {
                tokens.put(e.path(), header.path("value").asText());
            }
        }
        if (e.path().endsWith("/subscribedskus")) {
            for (JsonNode sku : reply.path("items")) {
                groups.put(sku.path("productSku").path("id").asText().toLowerCase(Locale.ROOT),
                        sku.path("productSku").path("licenseGroupId").asText());
            }
        }
    }

    private static String header(Map<String, String> headers, String name) {
        return headers.entrySet().stream().filter(h -> h.getKey().equalsIgnoreCase(name)).map(Map.Entry::getValue)
                .findFirst().orElse(null);
    }

    private static Set<String> lower(String... names) {
        Set<String> set = new HashSet<>();
        for (String n : names) {
            set.add(n.toLowerCase(Locale.ROOT));
        }
        return set;
    }
}
