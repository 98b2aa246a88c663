package dev.partnerhub.providers.partnercenter;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A resource of Partner Center's pages as a closed JSON shape: the fields its table lists (compared without case),
 * which of them a request must carry, the value a field must hold. A field the page does not list is a breach.
 */
final class PcShape {

    /** A scalar, or an object or list the checker does not open. */
    private static final PcShape ANY = new PcShape("any", Map.of(), Set.of(), Map.of(), null);

    private final String name;
    private final Map<String, PcShape> fields;
    private final Set<String> required;
    private final Map<String, String> values;
    private final PcShape item;

    private PcShape(String name, Map<String, PcShape> fields, Set<String> required, Map<String, String> values,
            PcShape item) {
        this.name = name;
        this.fields = fields;
        this.required = required;
        this.values = values;
        this.item = item;
    }

    private static PcShape object(String name, Object... fieldsAndShapes) {
        Map<String, PcShape> fields = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndShapes.length; i++) {
            String field = (String) fieldsAndShapes[i];
            PcShape shape = i + 1 < fieldsAndShapes.length && fieldsAndShapes[i + 1] instanceof PcShape s ? s : ANY;
            if (shape != ANY) {
                i++;
            }
            fields.put(field.toLowerCase(Locale.ROOT), shape);
        }
        return new PcShape(name, fields, Set.of(), Map.of(), null);
    }

    private PcShape requiring(String... names) {
        return new PcShape(name, fields, Set.of(names), values, item);
    }

    private PcShape holding(String field, String value) {
        Map<String, String> v = new LinkedHashMap<>(values);
        v.put(field, value);
        return new PcShape(name, fields, required, v, item);
    }

    private static PcShape listOf(PcShape item) {
        return new PcShape("list", Map.of(), Set.of(), Map.of(), item);
    }

    /** utility-resources: ResourceAttributes {etag, objectType}, here with the objectType the resource names. */
    private static PcShape attributes(String objectType) {
        return object("ResourceAttributes", "etag", "objectType").holding("objectType", objectType);
    }

    /** utility-resources: Link {uri, method, headers [{key, value}], body}; ResourceLinks {self, next, previous}. */
    private static final PcShape LINK = object("Link", "uri", "method", "headers", listOf(object("header", "key",
            "value")), "body");
    private static final PcShape LINKS = object("ResourceLinks", "self", LINK, "next", LINK, "previous", LINK);

    /** A collection (get-a-list-of-all-user-accounts-for-a-customer; PagedResourceCollection adds the token). */
    static PcShape collection(PcShape item) {
        return object("Collection", "totalCount", "items", listOf(item), "links", LINKS, "attributes",
                attributes("Collection"), "continuationToken");
    }

    /** customer-resources: Customer and CustomerCompanyProfile. */
    static final PcShape CUSTOMER = object("Customer", "id", "commerceId", "companyProfile", object(
            "CustomerCompanyProfile", "tenantId", "domain", "companyName", "address", "email", "links", LINKS,
            "attributes", attributes("CustomerCompanyProfile")), "billingProfile", "relationshipToPartner",
            "allowDelegatedAccess", "enableGDAPByDefault", "userCredentials", "customDomains", "tags",
            "associatedPartnerId", "links", LINKS, "attributes", attributes("Customer"));

    /** utility-resources: PasswordProfile. */
    private static final PcShape PASSWORD = object("PasswordProfile", "password", "forceChangePassword");

    /** user-resources: CustomerUser. */
    static final PcShape CUSTOMER_USER = object("CustomerUser", "usageLocation", "id", "userPrincipalName",
            "firstName", "lastName", "displayName", "immutableId", "passwordProfile", PASSWORD, "phoneNumber",
            "lastDirectorySyncTime", "userDomainType", "state", "softDeletionTime", "links", LINKS, "attributes",
            attributes("CustomerUser"));

    /** create-user-accounts-for-a-customer: what a new user is given (the server adds the rest). */
    static final PcShape NEW_USER = object("CustomerUser (create)", "usageLocation", "userPrincipalName",
            "firstName", "lastName", "displayName", "immutableId", "passwordProfile", PASSWORD, "phoneNumber",
            "attributes", attributes("CustomerUser")).requiring("userPrincipalName", "displayName");

    /**
     * update-user-accounts-for-a-customer (the CustomerUser's own fields), reset-user-password-for-a-customer
     * ({@code passwordProfile}) and restore-a-user-for-a-customer ({@code State: active}) share the PATCH.
     */
    static final PcShape USER_PATCH = object("CustomerUser (update)", "usageLocation", "userPrincipalName",
            "firstName", "lastName", "displayName", "immutableId", "passwordProfile", PASSWORD, "phoneNumber", "state",
            "attributes", attributes("CustomerUser")).holding("state", "active").requiring("attributes");

    /** license-resources: LicenseUpdate, its LicenseAssignment and LicenseWarning. */
    static final PcShape LICENSE_UPDATE = object("LicenseUpdate", "licensesToAssign", listOf(object(
            "LicenseAssignment", "skuId", "excludedPlans")), "licensesToRemove", "licenseWarnings", listOf(object(
            "LicenseWarning", "code", "message", "servicePlans")), "attributes", attributes("LicenseUpdate"));

    private static final PcShape PRODUCT_SKU = object("ProductSku", "id", "name", "skuPartNumber", "targetType",
            "licenseGroupId");
    private static final PcShape SERVICE_PLAN = object("ServicePlan", "id", "displayName", "serviceName",
            "capabilityStatus", "targetType");

    /** license-resources: SubscribedSku. */
    static final PcShape SUBSCRIBED_SKU = object("SubscribedSku", "availableUnits", "activeUnits", "consumedUnits",
            "suspendedUnits", "totalUnits", "warningUnits", "productSku", PRODUCT_SKU, "servicePlans",
            listOf(SERVICE_PLAN), "capabilityStatus", "attributes", attributes("SubscribedSku"));

    /** license-resources: License. */
    static final PcShape LICENSE = object("License", "servicePlans", listOf(SERVICE_PLAN), "productSku", PRODUCT_SKU,
            "attributes", attributes("License"));

    /** user-resources / get-user-roles-for-a-customer: DirectoryRole. */
    static final PcShape DIRECTORY_ROLE = object("DirectoryRole", "name", "id", "attributes",
            attributes("DirectoryRole"));

    /** user-resources: UserMember (the REST reference adds accountId). */
    static final PcShape USER_MEMBER = object("UserMember", "displayName", "userPrincipalName", "roleId", "id",
            "accountId", "attributes", attributes("UserMember"));

    /** set-user-roles-for-a-customer: the request's four fields, all marked required. */
    static final PcShape NEW_MEMBER = object("UserMember (add)", "Id", "DisplayName", "UserPrincipalName",
            "Attributes", attributes("UserMember")).requiring("Id", "DisplayName", "UserPrincipalName", "Attributes");

    /** error-codes: every 4xx and 5xx body. */
    static final PcShape ERROR = object("Error", "code", "description", "data", "source")
            .requiring("code", "description", "source");

    /** api-throttling-guidance: the 429 body. */
    static final PcShape THROTTLED = object("Throttled", "statusCode", "message").requiring("statusCode", "message");

    /** The field of an object by name without case, or null. */
    static JsonNode field(JsonNode object, String name) {
        for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> f = it.next();
            if (f.getKey().equalsIgnoreCase(name)) {
                return f.getValue();
            }
        }
        return null;
    }

    void check(String at, JsonNode node, List<String> found) {
        if (this == ANY || node.isNull()) {
            return;
        }
        if (item != null) {
            if (!node.isArray()) {
                found.add(at + " should be a list");
            } else {
                for (int i = 0; i < node.size(); i++) {
                    item.check(at + "[" + i + "]", node.get(i), found);
                }
            }
            return;
        }
        if (!node.isObject()) {
            found.add(at + " should be a " + name + " object");
            return;
        }
        node.fieldNames().forEachRemaining(f -> {
            PcShape shape = fields.get(f.toLowerCase(Locale.ROOT));
            if (shape == null) {
                found.add(at + "." + f + " is not a field of " + name);
            } else {
                shape.check(at + "." + f, node.get(f), found);
            }
        });
        required.stream().filter(r -> field(node, r) == null).forEach(r -> found.add(at + "." + r
                + " is required in " + name));
        values.forEach((f, v) -> {
            JsonNode value = field(node, f);
            if (value != null && !value.asText().equals(v)) {
                found.add(at + "." + f + " must be " + v + ", not " + value.asText());
            }
        });
    }
}
