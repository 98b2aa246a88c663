package dev.partnerhub.providers.webex;

import dev.partnerhub.providers.spi.model.Catalogue;
import dev.partnerhub.providers.spi.model.Names;
import dev.partnerhub.providers.spi.model.UserField;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/** What Webex's packages, Contact Center roles and people mean, the same for both models. */
final class WebexCatalogue {

    /**
     * The fields the People API changes (the subscriber APIs hold the rest). A Wholesale subscriber's number and
     * extension go in provisioningParameters only on a change from meetings to calling ("ignored" for a user who has
     * calling already, Cisco's "Update a Wholesale Subscriber"); after that, "Update a Person" sets them
     * ({@code phoneNumbers} of type work, {@code extension}).
     */
    static final Set<UserField> PERSON_FIELDS = EnumSet.of(UserField.FIRST_NAME, UserField.LAST_NAME,
            UserField.DISPLAY_NAME, UserField.PREFERRED_SITE, UserField.PHONE_NUMBER, UserField.EXTENSION);

    /**
     * What each user package brings, each licence described as an org's own list names it: by name (compared by
     * {@link Names}), or, for meetings, by its site ({@code siteUrl}, the documented field only a meetings licence
     * has, whatever its name: "Meeting - Webex Meeting Center", "Webex Meetings Suite"). Cisco's files say which
     * packages exist, not which licences they bring: this is the partner-facing description of the packages, checked
     * against the local hub by a test (WebexCatalogTest).
     */
    static final String MEETINGS = "a licence with a meeting site";
    static final String MESSAGING = "Advanced Messaging";
    static final String CALLING = "Webex Calling - Professional";
    static final Map<String, Set<String>> PACKAGES = Map.ofEntries(
            Map.entry("webex_meetings", Set.of(MEETINGS, MESSAGING)),
            Map.entry("webex_calling", Set.of(CALLING, MESSAGING)),
            Map.entry("webex_suite", Set.of(CALLING, MEETINGS, MESSAGING)),
            Map.entry("webex_voice", Set.of(CALLING)),
            Map.entry("webex_calling_standard", Set.of("Webex Calling - Standard")),
            Map.entry("cx_essentials", Set.of("Customer Assist - CX Essentials", CALLING)),
            Map.entry("attendant_console", Set.of("Webex Attendant Console")),
            Map.entry("cx_standard_agent", Set.of("Contact Center Standard Agent", MESSAGING)),
            Map.entry("cx_premium_agent", Set.of("Contact Center Premium Agent", MESSAGING)),
            Map.entry("softphone", Set.of(CALLING)),
            Map.entry("basic", Set.of(CALLING, MESSAGING)),
            Map.entry("standard", Set.of(CALLING, MESSAGING, MEETINGS)),
            Map.entry("premium", Set.of(CALLING, MESSAGING, MEETINGS)));

    /**
     * The roles and licence of seed 004's Contact Center roles, described by name and found in the org's own lists:
     * a supervisor holds a role named "Supervisor" or ending so (Cisco documents no role ID or name for it; the local
     * hub's is "Contact Center Supervisor"); an administrator is a supervisor with Full Administrator (Cisco's own
     * example of a role); both need the Premium Agent licence.
     */
    static final String SUPERVISOR = "Supervisor";
    static final String FULL_ADMIN = "Full Administrator";
    static final Set<String> PREMIUM_AGENT = Set.of("Contact Center Premium Agent");

    private WebexCatalogue() {
    }

    /** Seed 004: a supervisor needs the Premium Agent licence; an administrator is a supervisor too. */
    static Catalogue of() {
        return new Catalogue(PERSON_FIELDS, PACKAGES, MEETINGS, Map.of(
                "Supervisor", new Catalogue.RoleGrant(Set.of(SUPERVISOR), PREMIUM_AGENT),
                "Administrator", new Catalogue.RoleGrant(Set.of(SUPERVISOR, FULL_ADMIN), PREMIUM_AGENT)), false);
    }
}
