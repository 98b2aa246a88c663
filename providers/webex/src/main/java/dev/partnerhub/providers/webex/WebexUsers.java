package dev.partnerhub.providers.webex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.partnerhub.providers.spi.Users;
import dev.partnerhub.providers.spi.errors.ProviderNotFoundException;
import dev.partnerhub.providers.spi.model.CustomerScope;
import dev.partnerhub.providers.spi.model.RemoteUser;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the two kinds of Webex subscribers share: a collection filed by one query parameter, keyed by one field,
 * listed in pages (incrementally by {@code lastStatusChange}), deleted by ID, sent the consent email by ID.
 */
abstract class WebexUsers implements Users {

    final WebexHttp http;
    final ObjectMapper mapper;
    final String path;
    final String filter;
    final String keyField;

    /**
     * @param path     the collection, for example {@code /wholesale/subscribers}
     * @param filter   the query parameter that files subscribers under their customer
     * @param keyField the field that identifies a subscriber
     */
    WebexUsers(WebexHttp http, ObjectMapper mapper, String path, String filter, String keyField) {
        this.http = http;
        this.mapper = mapper;
        this.path = path;
        this.filter = filter;
        this.keyField = keyField;
    }

    /** Every subscriber the list gives must be of the customer asked for: the filter was applied, or none is used. */
    @Override
    public List<RemoteUser> list(CustomerScope customer, Instant changedSince) {
        List<JsonNode> pages = pages(customer.id(), changedSince);
        pages.forEach(s -> WebexJson.expect("GET " + path + "?" + filter, "the subscribers of", customer.id(),
                WebexJson.text(s, filter)));
        return pages.stream().map(s -> WebexJson.subscriber(s, keyField)).toList();
    }

    /** The subscribers of one customer, or of all when {@code customerId} is null; those changed since, if given. */
    List<JsonNode> pages(String customerId, Instant changedSince) {
        Map<String, String> query = new LinkedHashMap<>();
        if (customerId != null) {
            query.put(filter, customerId);
        }
        query.put("max", "100");
        if (changedSince != null) {
            query.put("lastStatusChange", String.valueOf(changedSince.toEpochMilli()));
        }
        return http.getAll(path, query);
    }

    @Override
    public void delete(CustomerScope customer, String userId) {
        try {
            http.delete(path + "/" + userId);
        } catch (ProviderNotFoundException e) {
            // already gone: that is what we wanted
        }
    }

    @Override
    public void resendConsent(CustomerScope customer, String userId) {
        http.post("/subscribers/" + userId + "/emails/consentMove", null);
    }
}
