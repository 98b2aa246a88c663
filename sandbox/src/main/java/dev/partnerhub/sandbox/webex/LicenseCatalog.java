package dev.partnerhub.sandbox.webex;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The licences every customer org of the hub carries, the rules between them, and the licences each package
 * brings. The names are those a real org's {@code GET /licenses} shows (Cisco's files document none; "Contact center
 * Standard Agent" with its lower-case c as Webex writes it); the meetings licence carries its site ({@code siteUrl}).
 * The error codes are Webex's documented ones where Webex documents one; the seat exhaustion code (409001,
 * {@link LicenseRules#SEATS_EXHAUSTED}) is the local hub's own, as the public specification lists none.
 */
final class LicenseCatalog {

    static final String MEETINGS = "Meeting - Webex Meetings";
    static final String MESSAGING = "Advanced Messaging";
    static final String CALLING_PROFESSIONAL = "Webex Calling - Professional";
    static final String CALLING_STANDARD = "Webex Calling - Standard";
    static final String ATTENDANT_CONSOLE = "Webex Attendant Console";
    static final String CX_ESSENTIALS = "Customer Assist - CX Essentials";
    static final String CC_STANDARD_AGENT = "Contact center Standard Agent";
    static final String CC_PREMIUM_AGENT = "Contact Center Premium Agent";

    static final List<String> NAMES = List.of(MEETINGS, MESSAGING, CALLING_PROFESSIONAL, CALLING_STANDARD,
            ATTENDANT_CONSOLE, CX_ESSENTIALS, CC_STANDARD_AGENT, CC_PREMIUM_AGENT);

    /** Licences that give the user a line: they need a phone number or an extension. */
    static final Set<String> CALLING = Set.of(CALLING_PROFESSIONAL, CALLING_STANDARD);

    /** Licences a user may hold only one of, with the documented error code. */
    record Exclusion(String a, String b, int errorCode, String text) {
    }

    static final List<Exclusion> EXCLUSIONS = List.of(
            new Exclusion(CALLING_PROFESSIONAL, CALLING_STANDARD, 400404,
                    "User cannot have both Webex Calling Professional and Standard License together."),
            new Exclusion(CALLING_STANDARD, CX_ESSENTIALS, 400407,
                    "User cannot have both Webex Calling Standard and CX Essential licenses together."),
            new Exclusion(CALLING_STANDARD, ATTENDANT_CONSOLE, 400406,
                    "User cannot have both Webex Calling Standard and Webex Attendant Console licenses together."),
            new Exclusion(CC_STANDARD_AGENT, CC_PREMIUM_AGENT, 400413,
                    "Could not apply the following license(s) as the user can be assigned only one of licenses with "
                            + "the offer code from the list: Contact Center agent licences."));

    /** The licences each package brings to its user (Wholesale and BroadWorks packages). */
    static final Map<String, List<String>> PACKAGE_LICENSES = Map.ofEntries(
            Map.entry("webex_meetings", List.of(MEETINGS, MESSAGING)),
            Map.entry("webex_calling", List.of(CALLING_PROFESSIONAL, MESSAGING)),
            Map.entry("webex_suite", List.of(CALLING_PROFESSIONAL, MEETINGS, MESSAGING)),
            Map.entry("webex_voice", List.of(CALLING_PROFESSIONAL)),
            Map.entry("webex_calling_standard", List.of(CALLING_STANDARD)),
            Map.entry("cx_essentials", List.of(CX_ESSENTIALS, CALLING_PROFESSIONAL)),
            Map.entry("attendant_console", List.of(ATTENDANT_CONSOLE)),
            Map.entry("cx_standard_agent", List.of(CC_STANDARD_AGENT, MESSAGING)),
            Map.entry("cx_premium_agent", List.of(CC_PREMIUM_AGENT, MESSAGING)),
            Map.entry("softphone", List.of(CALLING_PROFESSIONAL)),
            Map.entry("basic", List.of(CALLING_PROFESSIONAL, MESSAGING)),
            Map.entry("standard", List.of(CALLING_PROFESSIONAL, MESSAGING, MEETINGS)),
            Map.entry("premium", List.of(CALLING_PROFESSIONAL, MESSAGING, MEETINGS)));

    /**
     * Roles of the hub, assignable through the People API, by their key; the API shows a role by its ID, the base64 of
     * {@code ciscospark://us/ROLE/KEY} (as real role IDs are), and its name. Full, user, read-only and device
     * administrator are Webex's own keys and names; Cisco documents none for a Contact Center supervisor or for the
     * provisioning administrator a partner becomes on an automatic attach (seed 003): those two are the hub's own.
     */
    static final Map<String, String> ROLES = Map.of(
            "id_full_admin", "Full Administrator",
            "id_user_admin", "User Administrator",
            "id_readonly_admin", "Read-only Administrator",
            "id_device_admin", "Device Administrator",
            "id_cc_supervisor", "Contact Center Supervisor",
            "id_provisioning_admin", "Provisioning Administrator");

    /** A role's ID as the API shows it. */
    static String roleId(String key) {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(("ciscospark://us/ROLE/" + key)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Whether an ID names one of the hub's roles. */
    static boolean isRole(String id) {
        return ROLES.keySet().stream().anyMatch(key -> roleId(key).equals(id));
    }

    static final int DEFAULT_UNITS = 100;

    private LicenseCatalog() {
    }
}
