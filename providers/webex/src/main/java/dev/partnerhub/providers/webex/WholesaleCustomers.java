package dev.partnerhub.providers.webex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partnerhub.providers.spi.Customers;
import dev.partnerhub.providers.spi.errors.AttachRefusedException;
import dev.partnerhub.providers.spi.errors.ProviderNotFoundException;
import dev.partnerhub.providers.spi.errors.ProviderProtocolException;
import dev.partnerhub.providers.spi.errors.ProviderRejectedException;
import dev.partnerhub.providers.spi.http.JsonHttp;
import dev.partnerhub.providers.spi.model.AdminAccess;
import dev.partnerhub.providers.spi.model.CustomerRequest;
import dev.partnerhub.providers.spi.model.RemoteCustomer;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Webex Wholesale customers, under {@code /wholesale/customers}, keyed by the partner's externalId. */
final class WholesaleCustomers implements Customers {

    /** The error Cisco's attach article names for an org whose administrator has not approved the partner yet. */
    private static final String APPROVAL_REQUIRED = "2017";

    private final WebexHttp http;
    private final ObjectMapper mapper;
    private final PartnerAccess access;

    WholesaleCustomers(WebexHttp http, ObjectMapper mapper, PartnerAccess access) {
        this.http = http;
        this.mapper = mapper;
        this.access = access;
    }

    @Override
    public Optional<RemoteCustomer> find(String externalId) {
        List<RemoteCustomer> found = http.getAll("/wholesale/customers", Map.of("externalId", externalId)).stream()
                .map(WebexJson::customer).toList();
        // The list is filtered by externalId: one of another key means the filter was not applied.
        found.forEach(c -> WebexJson.expect("GET /wholesale/customers?externalId", "customer", externalId, c.key()));
        return found.stream().findFirst();
    }

    @Override
    public Optional<List<RemoteCustomer>> list() {
        return Optional.of(http.getAll("/wholesale/customers", Map.of()).stream().map(WebexJson::customer).toList());
    }

    @Override
    public Optional<RemoteCustomer> get(String customerId) {
        RemoteCustomer customer;
        try {
            customer = WebexJson.customer(http.get("/wholesale/customers/" + customerId, Map.of()).body());
        } catch (ProviderNotFoundException e) {
            return Optional.empty();
        }
        WebexJson.expect("GET /wholesale/customers/{id}", "customer", customerId, customer.id());
        return Optional.of(customer);
    }

    @Override
    public String create(CustomerRequest request) {
        ObjectNode body = mapper.createObjectNode();
        body.put("provisioningId", request.onboarding());
        body.set("packages", mapper.valueToTree(request.packages()));
        body.put("externalId", request.key());
        body.set("address", address(request.address()));
        if (bringsCalling(request.packages())) {
            body.set("provisioningParameters", calling(request));
        }
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
        JsonHttp.Reply reply;
        try {
            reply = http.post("/wholesale/customers", body);
        } catch (ProviderRejectedException e) {
            throw request.attachOrgId() == null ? e : attachRefusal(e);
        }
        String url = reply.header("Location") != null ? reply.header("Location") : WebexJson.text(reply.body(), "url");
        if (url == null) {
            throw new ProviderProtocolException("POST /wholesale/customers: the reply names no customer (no Location, "
                    + "no url)", reply.status(), reply.trackingId(), null);
        }
        return customerOf(url, reply);
    }

    /**
     * The customer a create's Location names, which Cisco documents as the customer's URL in this collection (the
     * URL of "Get a Wholesale Customer") on the connection's API host: anything else is not an ID to record.
     */
    private String customerOf(String url, JsonHttp.Reply reply) {
        String id = url.substring(url.lastIndexOf('/') + 1);
        URI location;
        try {
            location = URI.create(url);
        } catch (IllegalArgumentException e) {
            location = null;
        }
        URI base = URI.create(http.baseUrl());
        boolean sameHost = location != null && base.getHost() != null && base.getHost().equalsIgnoreCase(
                location.getHost()) && base.getPort() == location.getPort();
        if (!sameHost || !location.getPath().endsWith("/wholesale/customers/" + id) || !WebexJson.isId(id)) {
            throw new ProviderProtocolException("POST /wholesale/customers: the reply's Location " + url + " is not a "
                    + "customer of " + http.baseUrl() + "/wholesale/customers; it is not recorded", reply.status(),
                    reply.trackingId(), null);
        }
        return id;
    }

    /**
     * A refused attach: error 2017 means the org's administrator must approve the partner first (Cisco's attach
     * article); a 409 Conflict, that the org belongs to another customer already. Anything else stays a refusal.
     */
    private static ProviderRejectedException attachRefusal(ProviderRejectedException e) {
        boolean approval = e.errors().stream().anyMatch(err -> APPROVAL_REQUIRED.equals(err.code()));
        if (approval) {
            return new AttachRefusedException(AttachRefusedException.Kind.APPROVAL_REQUIRED, e);
        }
        return e.httpStatus() == 409 ? new AttachRefusedException(AttachRefusedException.Kind.ALREADY_ATTACHED, e) : e;
    }

    /**
     * The package list and the address. The calling location goes only with the update that brings calling to a
     * customer without it: Cisco's file makes it mandatory when calling packages are provisioned, and a customer that
     * has calling already has its location (a location sent again is not how one is changed).
     */
    @Override
    public void update(RemoteCustomer current, CustomerRequest request) {
        ObjectNode body = mapper.createObjectNode();
        body.set("packages", mapper.valueToTree(request.packages()));
        body.set("address", address(request.address()));
        if (bringsCalling(request.packages()) && !bringsCalling(current.packages())) {
            body.set("provisioningParameters", calling(request));
        }
        http.put("/wholesale/customers/" + current.id(), body);
    }

    private static boolean bringsCalling(List<String> packages) {
        return packages.stream().anyMatch(WebexCapabilities.WHOLESALE_CALLING_CUSTOMER_PACKAGES::contains);
    }

    /** {@code provisioningParameters.calling.location}; the operator refuses a calling package without one. */
    private ObjectNode calling(CustomerRequest request) {
        CustomerRequest.CallingLocation l = request.calling();
        if (l == null) {
            throw new IllegalArgumentException("a calling package needs the customer's calling location");
        }
        ObjectNode params = mapper.createObjectNode();
        ObjectNode location = params.putObject("calling").putObject("location");
        location.put("name", l.name());
        location.set("address", address(l.address()));
        location.put("timezone", l.timezone());
        location.put("language", l.language());
        WebexJson.putIfSet(location, "emergencyLocationIdentifier", l.emergencyLocationIdentifier());
        return params;
    }

    @Override
    public void delete(String customerId) {
        try {
            http.delete("/wholesale/customers/" + customerId);
        } catch (ProviderNotFoundException e) {
            // already gone: that is what we wanted
        }
    }

    @Override
    public Map<String, AdminAccess> partnerAccess() {
        return access.all();
    }

    private JsonNode address(CustomerRequest.PostalAddress a) {
        ObjectNode address = mapper.createObjectNode();
        if (a == null) {
            return address;
        }
        WebexJson.putIfSet(address, "addressLine1", a.addressLine1());
        WebexJson.putIfSet(address, "addressLine2", a.addressLine2());
        WebexJson.putIfSet(address, "city", a.city());
        WebexJson.putIfSet(address, "stateOrProvince", a.stateOrProvince());
        WebexJson.putIfSet(address, "zipOrPostalCode", a.zipOrPostalCode());
        WebexJson.putIfSet(address, "country", a.country());
        return address;
    }
}
