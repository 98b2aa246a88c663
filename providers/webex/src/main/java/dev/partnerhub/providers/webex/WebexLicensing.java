package dev.partnerhub.providers.webex;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partnerhub.providers.spi.Licensing;
import dev.partnerhub.providers.spi.errors.ProviderRejectedException;
import dev.partnerhub.providers.spi.errors.RemoteError;
import dev.partnerhub.providers.spi.model.LicenseChange;
import dev.partnerhub.providers.spi.model.LicenseRefusal;
import dev.partnerhub.providers.spi.model.LicenseUpdate;
import dev.partnerhub.providers.spi.model.RemoteLicense;
import dev.partnerhub.providers.spi.model.RemotePerson;
import dev.partnerhub.providers.spi.model.UserDetails;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The Webex admin APIs for licences ({@code /licenses}, {@code PATCH /licenses/users}), people and roles.
 * Refusals are typed from Webex's documented error codes; a refusal is matched to its licence by the licence
 * ID that Webex puts in the description ("could not be applied as requested: {licenses}").
 */
final class WebexLicensing implements Licensing {

    /*
     * Webex documents no error code for a licence without free seats: the operator never asks for one (it reads the
     * seat counts first), and a refusal that races another assignment reads as Other until the next look.
     */
    private static final Set<String> DEPENDENCY = Set.of("400408", "400411", "700003", "700004", "700005");
    private static final Set<String> EXCLUSIVE = Set.of("400404", "400406", "400407", "400413", "400112", "400410");

    private final WebexHttp http;
    private final ObjectMapper mapper;

    WebexLicensing(WebexHttp http, ObjectMapper mapper) {
        this.http = http;
        this.mapper = mapper;
    }

    @Override
    public List<RemoteLicense> licenses(String orgId) {
        return http.getAll("/licenses", Map.of("orgId", orgId)).stream().map(l -> new RemoteLicense(
                WebexJson.required(l, "id", "licence"), WebexJson.text(l, "name"), l.path("totalUnits").asInt(),
                l.path("consumedUnits").asInt(), WebexJson.text(l, "siteUrl"))).toList();
    }

    @Override
    public List<RemotePerson> people(String orgId) {
        return http.getAll("/people", Map.of("orgId", orgId, "max", "100", "callingData", "true")).stream()
                .map(WebexLicensing::person)
                .toList();
    }

    /**
     * Sends all changes at once. A 206 lists what the person holds but not why the rest was refused, and a 400
     * may not name every licence; each refusal left unexplained is then asked about on its own, so that every
     * refused licence comes back with the provider's own error. That costs calls only when something failed.
     */
    @Override
    public LicenseUpdate changeLicenses(String orgId, String personId, List<LicenseChange> changes) {
        Attempt first = attempt(orgId, personId, changes);
        List<String> held = first.held();
        Map<String, LicenseRefusal> refused = new LinkedHashMap<>();
        for (LicenseChange c : changes) {
            boolean applied = first.held() != null && c.add() == first.held().contains(c.licenseId());
            if (applied) {
                continue;
            }
            Optional<RemoteError> named = first.errors().stream().filter(e -> e.description() != null
                    && e.description().contains(c.licenseId())).findFirst();
            if (named.isPresent() || changes.size() == 1) {
                RemoteError error = named.orElse(first.errors().isEmpty() ? unexplained() : first.errors().get(0));
                refused.put(c.licenseId(), new LicenseRefusal(reason(error.code()), error));
                continue;
            }
            Attempt alone = attempt(orgId, personId, List.of(c));
            if (alone.held() != null) {
                held = alone.held();
            } else {
                RemoteError error = alone.errors().isEmpty() ? unexplained() : alone.errors().get(0);
                refused.put(c.licenseId(), new LicenseRefusal(reason(error.code()), error));
            }
        }
        return new LicenseUpdate(held, refused);
    }

    /** One PATCH: what the person holds after it, or (nothing applied) the provider's errors. */
    private record Attempt(List<String> held, List<RemoteError> errors) {
    }

    private Attempt attempt(String orgId, String personId, List<LicenseChange> changes) {
        ObjectNode body = mapper.createObjectNode().put("personId", personId).put("orgId", orgId);
        var licenses = body.putArray("licenses");
        for (LicenseChange c : changes) {
            ObjectNode op = licenses.addObject().put("id", c.licenseId()).put("operation", c.add() ? "add" : "remove");
            if (c.add() && (c.phoneNumber() != null || c.extension() != null || c.locationId() != null)) {
                ObjectNode properties = op.putObject("properties");
                WebexJson.putIfSet(properties, "phoneNumber", c.phoneNumber());
                WebexJson.putIfSet(properties, "extension", c.extension());
                WebexJson.putIfSet(properties, "locationId", c.locationId());
            }
        }
        try {
            return new Attempt(WebexJson.strings(http.patch("/licenses/users", body).body().path("licenses")), List.of());
        } catch (ProviderRejectedException e) {
            return new Attempt(null, e.errors().stream().map(err -> new RemoteError(err.code(), err.description(),
                    err.trackingId() != null ? err.trackingId() : e.trackingId())).toList());
        }
    }

    private static RemoteError unexplained() {
        return new RemoteError(null, "The provider did not apply this licence and gave no reason for it.", null);
    }

    static LicenseRefusal.Reason reason(String code) {
        if (code == null) {
            return LicenseRefusal.Reason.OTHER;
        }
        return DEPENDENCY.contains(code) ? LicenseRefusal.Reason.DEPENDENCY_VIOLATION
                : EXCLUSIVE.contains(code) ? LicenseRefusal.Reason.MUTUALLY_EXCLUSIVE_VIOLATION
                : LicenseRefusal.Reason.OTHER;
    }

    static RemotePerson person(JsonNode p) {
        List<String> emails = WebexJson.strings(p.path("emails"));
        String workNumber = null;
        for (JsonNode number : p.path("phoneNumbers")) {
            if ("work".equals(WebexJson.text(number, "type"))) {
                workNumber = WebexJson.text(number, "value");
            }
        }
        return new RemotePerson(WebexJson.required(p, "id", "person"), emails.isEmpty() ? null : emails.get(0),
                WebexJson.strings(p.path("licenses")), WebexJson.strings(p.path("roles")), new UserDetails(
                        WebexJson.text(p, "firstName"), WebexJson.text(p, "lastName"), WebexJson.text(p, "displayName"),
                        workNumber, WebexJson.text(p, "extension"), WebexJson.text(p, "locationId"), null, null));
    }
}
