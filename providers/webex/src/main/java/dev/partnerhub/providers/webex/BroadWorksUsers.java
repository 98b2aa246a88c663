package dev.partnerhub.providers.webex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partnerhub.providers.spi.errors.AttachRefusedException;
import dev.partnerhub.providers.spi.errors.ProviderRejectedException;
import dev.partnerhub.providers.spi.model.CustomerScope;
import dev.partnerhub.providers.spi.model.RemoteUser;
import dev.partnerhub.providers.spi.model.UserRequest;

/**
 * Webex for BroadWorks subscribers, under {@code /broadworks/subscribers}, filed by the enterprise (its spEnterpriseId)
 * and keyed by BroadWorks user ID. BroadWorks holds their names and numbers.
 */
final class BroadWorksUsers extends WebexUsers {

    BroadWorksUsers(WebexHttp http, ObjectMapper mapper) {
        super(http, mapper, "/broadworks/subscribers", "spEnterpriseId", "userId");
    }

    @Override
    public RemoteUser create(CustomerScope customer, UserRequest request) {
        ObjectNode body = mapper.createObjectNode();
        body.put("provisioningId", request.onboarding());
        body.put("userId", request.key());
        body.put("spEnterpriseId", customer.id());
        body.put("firstName", request.firstName());
        body.put("lastName", request.lastName());
        body.put("package", request.packageName());
        WebexJson.putIfSet(body, "primaryPhoneNumber", request.phoneNumber());
        WebexJson.putIfSet(body, "extension", request.extension());
        WebexJson.putIfSet(body, "email", request.email());
        try {
            JsonNode reply = http.post(path, body).body();
            RemoteUser created = WebexJson.subscriber(reply, keyField);
            WebexJson.expect("POST " + path, "subscriber", request.key(), created.key());
            WebexJson.expect("POST " + path, "enterprise", customer.id(), WebexJson.text(reply, filter));
            return created;
        } catch (ProviderRejectedException e) {
            throw e.errors().stream().anyMatch(err -> APPROVAL_REQUIRED.equals(err.code()))
                    ? new AttachRefusedException(AttachRefusedException.Kind.APPROVAL_REQUIRED, e) : e;
        }
    }

    /**
     * Seed 003: an enterprise's first subscriber whose email is a user of an existing org attaches the enterprise to
     * it, and error 2017 says the org's administrator must approve the partner first.
     */
    private static final String APPROVAL_REQUIRED = "2017";

    @Override
    public RemoteUser update(CustomerScope customer, RemoteUser current, UserRequest request) {
        ObjectNode body = mapper.createObjectNode();
        body.put("package", request.packageName());
        WebexJson.putIfSet(body, "firstName", request.firstName());
        WebexJson.putIfSet(body, "lastName", request.lastName());
        WebexJson.putIfSet(body, "primaryPhoneNumber", request.phoneNumber());
        WebexJson.putIfSet(body, "extension", request.extension());
        RemoteUser updated = WebexJson.subscriber(http.put(path + "/" + current.id(), body).body(), keyField);
        WebexJson.expect("PUT " + path + "/{id}", "subscriber", current.id(), updated.id());
        return updated;
    }
}
