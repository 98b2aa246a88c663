package dev.partnerhub.providers.webex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partnerhub.providers.spi.model.CustomerScope;
import dev.partnerhub.providers.spi.model.RemoteUser;
import dev.partnerhub.providers.spi.model.UserRequest;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Webex Wholesale subscribers, under {@code /wholesale/subscribers}, filed by customer ID and keyed by email. */
final class WholesaleUsers extends WebexUsers {

    WholesaleUsers(WebexHttp http, ObjectMapper mapper) {
        super(http, mapper, "/wholesale/subscribers", "customerId", "email");
    }

    /** Wholesale subscribers can be listed without a customer: those of every customer, each naming its own. */
    @Override
    public Optional<List<Filed>> changedAcrossCustomers(Instant since) {
        return Optional.of(pages(null, since).stream().map(s -> new Filed(
                new CustomerScope(WebexJson.text(s, "customerId")), WebexJson.subscriber(s, keyField))).toList());
    }

    @Override
    public RemoteUser create(CustomerScope customer, UserRequest request) {
        ObjectNode body = mapper.createObjectNode();
        body.put("customerId", customer.id());
        body.put("email", request.key());
        body.set("packages", mapper.createArrayNode().add(request.packageName()));
        ObjectNode params = body.putObject("provisioningParameters");
        WebexJson.putIfSet(params, "firstName", request.firstName());
        WebexJson.putIfSet(params, "lastName", request.lastName());
        WebexJson.putIfSet(params, "primaryPhoneNumber", request.phoneNumber());
        WebexJson.putIfSet(params, "extension", request.extension());
        WebexJson.putIfSet(params, "locationId", request.locationId());
        JsonNode reply = http.post(path, body).body();
        RemoteUser created = WebexJson.subscriber(reply, keyField);
        WebexJson.expect("POST " + path, "subscriber", request.key(), created.key());
        WebexJson.expect("POST " + path, "customer", customer.id(), WebexJson.text(reply, filter));
        return created;
    }

    /**
     * The package. Its provisioning parameters (number, extension, location) go only with a change from a package
     * without calling to one with it: Cisco's "Update a Wholesale Subscriber" says they "should only be supplied" then,
     * and are ignored for a user who has calling already, whose number and extension change through People.
     */
    @Override
    public RemoteUser update(CustomerScope customer, RemoteUser current, UserRequest request) {
        ObjectNode body = mapper.createObjectNode();
        body.set("packages", mapper.createArrayNode().add(request.packageName()));
        Set<String> calling = WebexCapabilities.WHOLESALE_CALLING_PACKAGES;
        if (calling.contains(request.packageName()) && (current.packageName() == null
                || !calling.contains(current.packageName()))) {
            ObjectNode params = body.putObject("provisioningParameters");
            WebexJson.putIfSet(params, "primaryPhoneNumber", request.phoneNumber());
            WebexJson.putIfSet(params, "extension", request.extension());
            WebexJson.putIfSet(params, "locationId", request.locationId());
        }
        RemoteUser updated = WebexJson.subscriber(http.put(path + "/" + current.id(), body).body(), keyField);
        WebexJson.expect("PUT " + path + "/{id}", "subscriber", current.id(), updated.id());
        return updated;
    }
}
