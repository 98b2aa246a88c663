package dev.partnerhub.providers.webex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partnerhub.providers.spi.AttachRefusedException;
import dev.partnerhub.providers.spi.CustomerRequest;
import dev.partnerhub.providers.spi.CustomerScope;
import dev.partnerhub.providers.spi.ProviderNotFoundException;
import dev.partnerhub.providers.spi.ProviderProtocolException;
import dev.partnerhub.providers.spi.ProviderRejectedException;
import dev.partnerhub.providers.spi.ProvisioningProvider;
import dev.partnerhub.providers.spi.RemoteCustomer;
import dev.partnerhub.providers.spi.RemoteSubscriber;
import dev.partnerhub.providers.spi.SubscriberRequest;
import dev.partnerhub.providers.spi.UserField;
import java.time.Instant;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Webex Wholesale: customers under {@code /wholesale/customers}, users under {@code /wholesale/subscribers}. */
public final class WholesaleProvider implements ProvisioningProvider {

    static final Set<String> CUSTOMER_PACKAGES = Set.of("common_area_calling", "webex_calling", "webex_meetings",
            "webex_suite", "webex_voice", "cx_essentials", "webex_calling_standard", "cisco_calling_plan",
            "attendant_console", "cx_premium_agent", "cx_standard_agent", "cx_voice_ports", "cx_ai_assistant",
            "webex_ai_agent");
    static final Set<String> USER_PACKAGES = Set.of("webex_calling", "webex_meetings", "webex_suite", "webex_voice",
            "cx_essentials", "webex_calling_standard", "cx_standard_agent", "cx_premium_agent");
    static final Set<String> CALLING_PACKAGES = Set.of("webex_calling", "webex_suite", "webex_voice",
            "webex_calling_standard", "cx_essentials");

    private final WebexHttp http;
    private final ObjectMapper mapper;

    public WholesaleProvider(WebexHttp http, ObjectMapper mapper) {
        this.http = http;
        this.mapper = mapper;
    }

    @Override
    public CustomerCreation customerCreation() {
        return CustomerCreation.EXPLICIT;
    }

    @Override
    public Set<String> userPackages() {
        return USER_PACKAGES;
    }

    @Override
    public Set<String> customerPackages() {
        return CUSTOMER_PACKAGES;
    }

    /** The subscriber update carries the package and the provisioning parameters; names go through People. */
    @Override
    public Set<UserField> subscriberUpdates() {
        return EnumSet.of(UserField.PACKAGE, UserField.PHONE_NUMBER, UserField.EXTENSION, UserField.LOCATION);
    }

    @Override
    public boolean isCallingPackage(String packageName) {
        return CALLING_PACKAGES.contains(packageName);
    }

    @Override
    public void probe() {
        http.get("/wholesale/customers", Map.of("max", "1"));
    }

    @Override
    public Optional<RemoteCustomer> findCustomer(CustomerRequest key) {
        return http.getAll("/wholesale/customers", Map.of("externalId", key.externalId())).stream()
                .map(WebexJson::customer)
                .filter(c -> key.externalId().equals(c.externalId()))
                .findFirst();
    }

    @Override
    public Optional<RemoteCustomer> getCustomer(String customerId) {
        try {
            return Optional.of(WebexJson.customer(http.get("/wholesale/customers/" + customerId, Map.of()).body()));
        } catch (ProviderNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public String createCustomer(CustomerRequest request) {
        ObjectNode body = mapper.createObjectNode();
        body.put("provisioningId", request.provisioningId());
        body.set("packages", mapper.valueToTree(request.packages()));
        body.put("externalId", request.externalId());
        body.set("address", address(request));
        if (request.attachOrgId() != null) {
            body.put("orgId", request.attachOrgId());
        } else {
            ObjectNode info = body.putObject("customerInfo");
            info.put("name", request.name());
            info.put("primaryEmail", request.primaryEmail());
            if (request.language() != null) {
                info.put("language", request.language());
            }
        }
        WebexHttp.Reply reply;
        try {
            reply = http.post("/wholesale/customers", body);
        } catch (ProviderRejectedException e) {
            throw attachRefusal(request, e);
        }
        String url = reply.location() != null ? reply.location() : WebexJson.text(reply.body(), "url");
        if (url == null) {
            throw new ProviderProtocolException("POST /wholesale/customers: the reply names no customer (no Location, "
                    + "no url)", reply.status(), reply.trackingId(), null);
        }
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /** The local hub's codes for a refused attach; Cisco's file documents none, so others stay plain refusals. */
    private static ProviderRejectedException attachRefusal(CustomerRequest request, ProviderRejectedException e) {
        String code = e.errors().isEmpty() ? null : e.errors().get(0).code();
        if (request.attachOrgId() == null || code == null) {
            return e;
        }
        return switch (code) {
            case "1021" -> new AttachRefusedException(AttachRefusedException.Kind.APPROVAL_REQUIRED, e);
            case "1022" -> new AttachRefusedException(AttachRefusedException.Kind.ALREADY_ATTACHED, e);
            default -> e;
        };
    }

    @Override
    public void sendConsentEmail(String subscriberId) {
        http.post("/subscribers/" + subscriberId + "/emails/consentMove", null);
    }

    @Override
    public void updateCustomer(String customerId, CustomerRequest request) {
        ObjectNode body = mapper.createObjectNode();
        body.set("packages", mapper.valueToTree(request.packages()));
        body.set("address", address(request));
        http.put("/wholesale/customers/" + customerId, body);
    }

    @Override
    public void deleteCustomer(String customerId) {
        try {
            http.delete("/wholesale/customers/" + customerId);
        } catch (ProviderNotFoundException e) {
            // already gone: that is what we wanted
        }
    }

    @Override
    public List<RemoteSubscriber> listSubscribers(CustomerScope customer, Instant changedSince) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("customerId", customer.customerId());
        query.put("max", "100");
        if (changedSince != null) {
            query.put("lastStatusChange", String.valueOf(changedSince.toEpochMilli()));
        }
        return http.getAll("/wholesale/subscribers", query).stream().map(WebexJson::subscriber).toList();
    }

    @Override
    public RemoteSubscriber createSubscriber(SubscriberRequest request) {
        ObjectNode body = mapper.createObjectNode();
        body.put("customerId", request.customer().customerId());
        body.put("email", request.email());
        body.set("packages", mapper.createArrayNode().add(request.packageName()));
        ObjectNode params = body.putObject("provisioningParameters");
        WebexJson.putIfSet(params, "firstName", request.firstName());
        WebexJson.putIfSet(params, "lastName", request.lastName());
        WebexJson.putIfSet(params, "primaryPhoneNumber", request.phoneNumber());
        WebexJson.putIfSet(params, "extension", request.extension());
        WebexJson.putIfSet(params, "locationId", request.locationId());
        return WebexJson.subscriber(http.post("/wholesale/subscribers", body).body());
    }

    @Override
    public RemoteSubscriber updateSubscriber(String subscriberId, SubscriberRequest request) {
        ObjectNode body = mapper.createObjectNode();
        body.set("packages", mapper.createArrayNode().add(request.packageName()));
        ObjectNode params = body.putObject("provisioningParameters");
        WebexJson.putIfSet(params, "primaryPhoneNumber", request.phoneNumber());
        WebexJson.putIfSet(params, "extension", request.extension());
        WebexJson.putIfSet(params, "locationId", request.locationId());
        return WebexJson.subscriber(http.put("/wholesale/subscribers/" + subscriberId, body).body());
    }

    @Override
    public void deleteSubscriber(String subscriberId) {
        try {
            http.delete("/wholesale/subscribers/" + subscriberId);
        } catch (ProviderNotFoundException e) {
            // already gone: that is what we wanted
        }
    }

    private JsonNode address(CustomerRequest request) {
        ObjectNode address = mapper.createObjectNode();
        CustomerRequest.PostalAddress a = request.address();
        WebexJson.putIfSet(address, "addressLine1", a.addressLine1());
        WebexJson.putIfSet(address, "addressLine2", a.addressLine2());
        WebexJson.putIfSet(address, "city", a.city());
        WebexJson.putIfSet(address, "stateOrProvince", a.stateOrProvince());
        WebexJson.putIfSet(address, "zipOrPostalCode", a.zipOrPostalCode());
        WebexJson.putIfSet(address, "country", a.country());
        return address;
    }
}
