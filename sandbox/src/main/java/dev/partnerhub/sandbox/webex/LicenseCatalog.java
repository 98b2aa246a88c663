package dev.partnerhub.sandbox.webex;

import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The licences every customer org of the hub carries, the rules between them, and the licences each package
 * brings. The error codes are Webex's documented ones where Webex documents one; the seat exhaustion code
 * (400120) is the local hub's, as the public specification lists none.
 */
final class LicenseCatalog {

    static final String MEETINGS = "Meeting - Webex Meetings";
    static final String MESSAGING = "Messaging - Webex";
    static final String CALLING_PROFESSIONAL = "Webex Calling - Professional";
    static final String CALLING_STANDARD = "Webex Calling - Standard";
    static final String ATTENDANT_CONSOLE = "Webex Attendant Console";
    static final String CX_ESSENTIALS = "Customer Assist - CX Essentials";
    static final String CC_STANDARD_AGENT = "Contact Center - Standard Agent";
    static final String CC_PREMIUM_AGENT = "Contact Center - Premium Agent";

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
            Map.entry("cx_standard_agent", List.of(CC_STANDARD_AGENT, MESSAGING)),
            Map.entry("cx_premium_agent", List.of(CC_PREMIUM_AGENT, MESSAGING)),
            Map.entry("softphone", List.of(CALLING_PROFESSIONAL)),
            Map.entry("basic", List.of(CALLING_PROFESSIONAL, MESSAGING)),
            Map.entry("standard", List.of(CALLING_PROFESSIONAL, MESSAGING, MEETINGS)),
            Map.entry("premium", List.of(CALLING_PROFESSIONAL, MESSAGING, MEETINGS)));

    /** Roles of the hub, assignable through the People API. */
    static final Map<String, String> ROLES = Map.of(
            "id_full_admin", "Full Administrator",
            "id_cc_supervisor", "Contact Center Supervisor");

    static final int DEFAULT_UNITS = 100;

    private LicenseCatalog() {
    }
}
