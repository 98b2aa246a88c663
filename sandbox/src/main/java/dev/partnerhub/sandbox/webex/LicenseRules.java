package dev.partnerhub.sandbox.webex;

import com.fasterxml.jackson.databind.JsonNode;
import dev.partnerhub.sandbox.HubError;
import dev.partnerhub.sandbox.webex.WebexRecords.License;
import dev.partnerhub.sandbox.webex.WebexRecords.Person;
import dev.partnerhub.sandbox.webex.WebexRecords.Subscriber;
import java.util.ArrayList;
import java.util.List;

/** Applies one PATCH /licenses/users request to one person, with the hub's seat and dependency rules. */
final class LicenseRules {

    /** One requested change: add or remove a licence, with the calling properties of an addition. */
    record Change(String licenseId, boolean add, JsonNode properties) {
    }

    /** How many changes applied, and the refusal of each one that did not. */
    record Outcome(int applied, List<HubError> refused) {
    }

    /**
     * Cisco's file documents no error code for a licence without free seats; the local hub answers 409 (a
     * documented status of PATCH /licenses/users) with this code of its own.
     */
    static final int SEATS_EXHAUSTED = 409001;

    private final WebexStore store;
    private final Person person;
    private final Subscriber subscriber;

    LicenseRules(WebexStore store, Person person, Subscriber subscriber) {
        this.store = store;
        this.person = person;
        this.subscriber = subscriber;
    }

    Outcome apply(List<Change> changes) {
        int applied = 0;
        List<HubError> refused = new ArrayList<>();
        List<Change> additions = new ArrayList<>();
        for (Change change : changes) {
            License license = store.licenses.get(change.licenseId());
            if (license == null || !license.orgId.equals(person.orgId)) {
                refused.add(HubError.badRequest(400000, "License not recognized " + change.licenseId()));
            } else if (!change.add()) {
                license.holders.remove(person.id);
                person.licenses.remove(license.id);
                applied++;
            } else {
                additions.add(change);
            }
        }
        boolean progress = true;
        while (progress) {
            progress = false;
            for (Change change : List.copyOf(additions)) {
                if (refusal(change) == null) {
                    License license = store.licenses.get(change.licenseId());
                    license.holders.add(person.id);
                    person.licenses.add(license.id);
                    additions.remove(change);
                    applied++;
                    progress = true;
                }
            }
        }
        additions.forEach(change -> refused.add(refusal(change)));
        return new Outcome(applied, refused);
    }

    /** Why this addition cannot apply now, or null when it can (or is already held). */
    private HubError refusal(Change change) {
        License license = store.licenses.get(change.licenseId());
        if (person.licenses.contains(license.id)) {
            return null;
        }
        String suffix = " The following license(s) could not be applied as requested: " + license.id;
        if (license.holders.size() >= license.totalUnits) {
            return new HubError(409, SEATS_EXHAUSTED, "No available units of " + license.name + " ("
                    + license.totalUnits + " of " + license.totalUnits + " consumed)." + suffix);
        }
        if (LicenseCatalog.CALLING.contains(license.name) && !hasNumber(change.properties())) {
            return HubError.badRequest(400411, "Each Webex Calling license should contain its own calling properties."
                    + " The following license(s) do not have properties: " + license.id);
        }
        if (LicenseCatalog.ATTENDANT_CONSOLE.equals(license.name) && !holds(LicenseCatalog.CALLING_PROFESSIONAL)) {
            return HubError.badRequest(400408, "User needs Webex Calling Professional license to be assigned before "
                    + "assigning Webex Attendant Console: " + license.id);
        }
        for (LicenseCatalog.Exclusion x : LicenseCatalog.EXCLUSIONS) {
            String other = license.name.equals(x.a()) ? x.b() : license.name.equals(x.b()) ? x.a() : null;
            if (other != null && holds(other)) {
                return HubError.badRequest(x.errorCode(), x.text() + suffix);
            }
        }
        return null;
    }

    private boolean holds(String name) {
        return store.licenseNamed(person.orgId, name).map(l -> person.licenses.contains(l.id)).orElse(false);
    }

    private boolean hasNumber(JsonNode properties) {
        boolean inRequest = properties != null && (properties.hasNonNull("phoneNumber")
                || properties.hasNonNull("extension"));
        boolean onUser = subscriber != null && (subscriber.primaryPhoneNumber != null || subscriber.extension != null);
        return inRequest || onUser;
    }
}
