package dev.partnerhub.providers.partnercenter;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partnerhub.providers.spi.Customers;
import dev.partnerhub.providers.spi.errors.ProviderNotFoundException;
import dev.partnerhub.providers.spi.model.CustomerRequest;
import dev.partnerhub.providers.spi.model.RemoteCustomer;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The partner's customer tenants: they exist on their own (the partner has a relationship with them), are found
 * by tenant ID and are never created, changed or deleted here.
 */
final class PartnerCenterCustomers implements Customers {

    private final PartnerCenterHttp http;

    PartnerCenterCustomers(PartnerCenterHttp http) {
        this.http = http;
    }

    @Override
    public Optional<RemoteCustomer> find(String tenantId) {
        return get(tenantId);
    }

    @Override
    public Optional<RemoteCustomer> get(String tenantId) {
        try {
            JsonNode customer = http.json().get("/v1/customers/" + tenantId, Map.of()).body();
            String id = PartnerCenterJson.required(customer, "id", "customer");
            PartnerCenterJson.expect("GET /v1/customers/{tenant}", "tenant", tenantId, id);
            return Optional.of(new RemoteCustomer(id, id, id, RemoteCustomer.State.READY, "active", List.of(),
                    List.of(), List.of()));
        } catch (ProviderNotFoundException e) {
            return Optional.empty();
        }
    }

    @Override
    public String create(CustomerRequest request) {
        throw new UnsupportedOperationException("Partner Center customer tenants exist on their own");
    }

    /** A tenant carries nothing the operator manages. */
    @Override
    public void update(RemoteCustomer current, CustomerRequest request) {
    }

    /** A tenant is never deleted from here. */
    @Override
    public void delete(String customerId) {
    }
}
