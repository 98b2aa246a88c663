package dev.partnerhub.providers.webex;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partnerhub.providers.spi.Customers;
import dev.partnerhub.providers.spi.model.AdminAccess;
import dev.partnerhub.providers.spi.model.CustomerRequest;
import dev.partnerhub.providers.spi.model.RemoteCustomer;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Webex for BroadWorks enterprises: the hub creates one with its first subscriber, and it goes with its last. An
 * enterprise has no status of its own: it is reported provisioned once the hub has created its org.
 */
final class BroadWorksCustomers implements Customers {

    private final WebexHttp http;
    private final PartnerAccess access;

    BroadWorksCustomers(WebexHttp http, PartnerAccess access) {
        this.http = http;
        this.access = access;
    }

    @Override
    public Optional<RemoteCustomer> find(String spEnterpriseId) {
        return http.getAll("/broadworks/enterprises", Map.of("spEnterpriseId", spEnterpriseId)).stream()
                .filter(e -> spEnterpriseId.equals(WebexJson.text(e, "spEnterpriseId")))
                .map(BroadWorksCustomers::enterprise)
                .findFirst();
    }

    @Override
    public Optional<RemoteCustomer> get(String customerId) {
        return http.getAll("/broadworks/enterprises", Map.of()).stream()
                .filter(e -> customerId.equals(WebexJson.text(e, "id")))
                .map(BroadWorksCustomers::enterprise)
                .findFirst();
    }

    @Override
    public String create(CustomerRequest request) {
        throw new UnsupportedOperationException("BroadWorks enterprises are created with their first subscriber");
    }

    /** Enterprises carry no packages; nothing to update. */
    @Override
    public void update(RemoteCustomer current, CustomerRequest request) {
    }

    /** The enterprise goes with its last subscriber; nothing to delete on its own. */
    @Override
    public void delete(String customerId) {
    }

    @Override
    public Map<String, AdminAccess> partnerAccess() {
        return access.all();
    }

    private static RemoteCustomer enterprise(JsonNode e) {
        String orgId = WebexJson.text(e, "orgId");
        String status = orgId != null ? "provisioned" : "provisioning";
        return new RemoteCustomer(WebexJson.required(e, "id", "enterprise"), orgId, WebexJson.text(e, "spEnterpriseId"),
                WebexStates.customer(status), status, List.of(), List.of(), List.of());
    }
}
