package dev.partnerhub.providers.webex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partnerhub.providers.spi.CustomerRequest;
import dev.partnerhub.providers.spi.CustomerScope;
import dev.partnerhub.providers.spi.ProviderNotFoundException;
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

/**
 * Webex for BroadWorks: a customer is an enterprise, which the hub creates with its first subscriber; users
 * are BroadWorks subscribers. An enterprise has no status of its own: it is reported {@code provisioned} once
 * the hub has created its org, {@code provisioning} before.
 */
public final class BroadWorksProvider implements ProvisioningProvider {

    static final Set<String> USER_PACKAGES = Set.of("softphone", "basic", "standard", "premium");

    private final WebexHttp http;
    private final ObjectMapper mapper;

    public BroadWorksProvider(WebexHttp http, ObjectMapper mapper) {
        this.http = http;
        this.mapper = mapper;
    }

    @Override
    public CustomerCreation customerCreation() {
        return CustomerCreation.WITH_FIRST_SUBSCRIBER;
    }

    @Override
    public Set<String> userPackages() {
        return USER_PACKAGES;
    }

    @Override
    public Set<String> customerPackages() {
        return Set.of();
    }

    /** BroadWorks is the source of a subscriber's names and numbers; a BroadWorks user has no Webex location. */
    @Override
    public Set<UserField> subscriberUpdates() {
        return EnumSet.of(UserField.PACKAGE, UserField.FIRST_NAME, UserField.LAST_NAME, UserField.PHONE_NUMBER,
                UserField.EXTENSION);
    }

    /** Every BroadWorks subscriber has a line: a primary phone number or an extension. */
    @Override
    public boolean isCallingPackage(String packageName) {
        return true;
    }

    @Override
    public void probe() {
        http.get("/broadworks/enterprises", Map.of("max", "1"));
    }

    @Override
    public Optional<RemoteCustomer> findCustomer(CustomerRequest key) {
        return http.getAll("/broadworks/enterprises", Map.of("spEnterpriseId", key.spEnterpriseId())).stream()
                .filter(e -> key.spEnterpriseId().equals(WebexJson.text(e, "spEnterpriseId")))
                .map(BroadWorksProvider::enterprise)
                .findFirst();
    }

    @Override
    public Optional<RemoteCustomer> getCustomer(String customerId) {
        return http.getAll("/broadworks/enterprises", Map.of()).stream()
                .filter(e -> customerId.equals(WebexJson.text(e, "id")))
                .map(BroadWorksProvider::enterprise)
                .findFirst();
    }

    @Override
    public String createCustomer(CustomerRequest request) {
        throw new UnsupportedOperationException("BroadWorks enterprises are created with their first subscriber");
    }

    /** Enterprises carry no packages; nothing to update. */
    @Override
    public void updateCustomer(String customerId, CustomerRequest request) {
    }

    /** The enterprise goes with its last subscriber; nothing to delete on its own. */
    @Override
    public void deleteCustomer(String customerId) {
    }

    @Override
    public List<RemoteSubscriber> listSubscribers(CustomerScope customer, Instant changedSince) {
        Map<String, String> query = new LinkedHashMap<>();
        query.put("spEnterpriseId", customer.spEnterpriseId());
        query.put("max", "100");
        if (changedSince != null) {
            query.put("lastStatusChange", String.valueOf(changedSince.toEpochMilli()));
        }
        return http.getAll("/broadworks/subscribers", query).stream().map(WebexJson::subscriber).toList();
    }

    @Override
    public RemoteSubscriber createSubscriber(SubscriberRequest request) {
        ObjectNode body = mapper.createObjectNode();
        body.put("provisioningId", request.provisioningId());
        body.put("userId", request.userId());
        body.put("spEnterpriseId", request.customer().spEnterpriseId());
        body.put("firstName", request.firstName());
        body.put("lastName", request.lastName());
        body.put("package", request.packageName());
        WebexJson.putIfSet(body, "primaryPhoneNumber", request.phoneNumber());
        WebexJson.putIfSet(body, "extension", request.extension());
        WebexJson.putIfSet(body, "email", request.email());
        return WebexJson.subscriber(http.post("/broadworks/subscribers", body).body());
    }

    @Override
    public RemoteSubscriber updateSubscriber(String subscriberId, SubscriberRequest request) {
        ObjectNode body = mapper.createObjectNode();
        body.put("package", request.packageName());
        WebexJson.putIfSet(body, "firstName", request.firstName());
        WebexJson.putIfSet(body, "lastName", request.lastName());
        WebexJson.putIfSet(body, "primaryPhoneNumber", request.phoneNumber());
        WebexJson.putIfSet(body, "extension", request.extension());
        return WebexJson.subscriber(http.put("/broadworks/subscribers/" + subscriberId, body).body());
    }

    @Override
    public void sendConsentEmail(String subscriberId) {
        http.post("/subscribers/" + subscriberId + "/emails/consentMove", null);
    }

    @Override
    public void deleteSubscriber(String subscriberId) {
        try {
            http.delete("/broadworks/subscribers/" + subscriberId);
        } catch (ProviderNotFoundException e) {
            // already gone: that is what we wanted
        }
    }

    private static RemoteCustomer enterprise(JsonNode e) {
        String orgId = WebexJson.text(e, "orgId");
        return new RemoteCustomer(WebexJson.required(e, "id", "enterprise"), orgId, WebexJson.text(e, "spEnterpriseId"),
                orgId != null ? "provisioned" : "provisioning", List.of(), List.of(), List.of());
    }
}
