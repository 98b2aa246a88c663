package dev.partnerhub.sandbox.webex;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.partnerhub.sandbox.HubError;
import dev.partnerhub.sandbox.HubRequest;
import dev.partnerhub.sandbox.HubResponse;
import dev.partnerhub.sandbox.Json;
import dev.partnerhub.sandbox.Router;
import dev.partnerhub.sandbox.webex.WebexRecords.Person;
import java.util.List;

/**
 * A user's meeting sites and default site, as Cisco's Meeting Preferences API has them ("Get Site List", "Update
 * Default Site", developer.webex.com; Cisco's webex-meeting.json, which is not among this project's files): an
 * administrator names the user by {@code userEmail}; the default is one of the user's sites, and
 * {@code defaultSite=true} is required to change it. The hub's error codes here (4006x) are its own.
 */
final class MeetingPreferencesApi {

    private final WebexStore store;
    private final PeopleApi people;

    MeetingPreferencesApi(WebexStore store, PeopleApi people) {
        this.store = store;
        this.people = people;
    }

    void register(Router router) {
        router.add("GET", "/v1/meetingPreferences/sites", Router.Access.BEARER, this::sites)
                .add("PUT", "/v1/meetingPreferences/sites", Router.Access.BEARER, this::setDefault);
    }

    private HubResponse sites(HubRequest r) {
        Person person = people.personFor(null, r.requiredQuery("userEmail"));
        String preferred = people.defaultSite(person);
        var sites = Json.object().putArray("sites");
        people.sitesOf(person).forEach(site -> sites.addObject().put("siteUrl", site).put("default",
                site.equals(preferred)));
        ObjectNode body = Json.object();
        body.set("sites", sites);
        return HubResponse.ok(body);
    }

    private HubResponse setDefault(HubRequest r) {
        Person person = people.personFor(null, r.requiredQuery("userEmail"));
        String flag = r.requiredQuery("defaultSite");
        if (!"true".equals(flag) && !"false".equals(flag)) {
            throw HubError.badRequest(WebexCodes.HUB_DEFAULT_SITE, "defaultSite must be true or false.");
        }
        String site = r.requiredText(r.body(), "siteUrl");
        List<String> sites = people.sitesOf(person);
        if (!sites.contains(site)) {
            throw HubError.badRequest(WebexCodes.HUB_NOT_A_HOST_SITE, "siteUrl " + site + " is not a site of the user; its sites are " + sites
                    + ".");
        }
        if ("true".equals(flag)) {
            person.defaultSite = site;
        }
        return HubResponse.ok(Json.object().put("siteUrl", site).put("default", site.equals(people.defaultSite(
                person))));
    }
}
