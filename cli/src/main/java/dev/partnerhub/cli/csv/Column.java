package dev.partnerhub.cli.csv;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One column of the portals' user CSV files: what it holds and the header Control Hub or Partner Center writes for
 * it. Headers are matched without regard to case, spacing or a "(Required)" suffix.
 *
 * @param header the header hubctl writes
 * @param kind   what the column holds
 * @param value  the package ID of a package column, the licence name of a licence column; null otherwise
 */
public record Column(String header, Kind kind, String value) {

    /** What a column holds. */
    public enum Kind {
        EMAIL, FIRST_NAME, LAST_NAME, DISPLAY_NAME, PHONE_NUMBER, EXTENSION, PREFERRED_SITE, USAGE_LOCATION,
        /** TRUE/FALSE: the user has this Webex package. */
        PACKAGE,
        /** TRUE/FALSE: the user holds this licence. */
        LICENCE,
        /** Written by the export for people to read; skipped on import. */
        STATUS
    }

    public static final Column EMAIL = new Column("User ID/Email (Required)", Kind.EMAIL, null);
    public static final Column UPN = new Column("User Principal Name", Kind.EMAIL, null);
    public static final Column FIRST_NAME = new Column("First Name", Kind.FIRST_NAME, null);
    public static final Column LAST_NAME = new Column("Last Name", Kind.LAST_NAME, null);
    public static final Column DISPLAY_NAME = new Column("Display Name", Kind.DISPLAY_NAME, null);
    public static final Column PHONE_NUMBER = new Column("Phone Number", Kind.PHONE_NUMBER, null);
    public static final Column EXTENSION = new Column("Extension", Kind.EXTENSION, null);
    public static final Column PREFERRED_SITE = new Column("Preferred Webex Site", Kind.PREFERRED_SITE, null);
    public static final Column USAGE_LOCATION = new Column("Usage Location", Kind.USAGE_LOCATION, null);
    public static final Column CONTACT_CENTER_STANDARD = new Column("Webex Contact Center Standard", Kind.LICENCE,
            "Contact center Standard Agent");
    public static final Column CONTACT_CENTER_PREMIUM = new Column("Webex Contact Center Premium", Kind.LICENCE,
            "Contact Center Premium Agent");
    public static final Column USER_ID = new Column("Provider User ID", Kind.STATUS, "userId");
    public static final Column ACTIVATION = new Column("Activation State", Kind.STATUS, "activation");
    public static final Column PENDING_ACTION = new Column("Pending Action", Kind.STATUS, "pendingAction");
    public static final Column ERROR_CODE = new Column("Error Code", Kind.STATUS, "errorCode");
    public static final Column ERROR_TEXT = new Column("Error Text", Kind.STATUS, "errorText");

    /** The Wholesale user packages, in the order of Control Hub's CSV. */
    public static final List<Column> PACKAGES = List.of(
            new Column("Webex Calling", Kind.PACKAGE, "webex_calling"),
            new Column("Webex Calling Standard", Kind.PACKAGE, "webex_calling_standard"),
            new Column("Webex Meetings", Kind.PACKAGE, "webex_meetings"),
            new Column("Webex Suite", Kind.PACKAGE, "webex_suite"),
            new Column("Webex Voice", Kind.PACKAGE, "webex_voice"),
            new Column("Customer Experience Essentials", Kind.PACKAGE, "cx_essentials"),
            new Column("BroadWorks Softphone", Kind.PACKAGE, "softphone"),
            new Column("BroadWorks Basic", Kind.PACKAGE, "basic"),
            new Column("BroadWorks Standard", Kind.PACKAGE, "standard"),
            new Column("BroadWorks Premium", Kind.PACKAGE, "premium"));

    /** The packages that give a user a line: a phone number or an extension is required with them. */
    public static final Set<String> CALLING_PACKAGES = Set.of("webex_calling", "webex_suite", "webex_voice",
            "webex_calling_standard", "cx_essentials", "softphone", "basic", "standard", "premium");

    /** The prefix of a column for any licence by name: {@code Licence: Microsoft 365 Business Basic}. */
    public static final String LICENCE_PREFIX = "Licence: ";

    private static final Map<String, Column> BY_HEADER = new LinkedHashMap<>();

    static {
        List<Column> named = List.of(EMAIL, UPN, FIRST_NAME, LAST_NAME, DISPLAY_NAME, PHONE_NUMBER, EXTENSION,
                PREFERRED_SITE, USAGE_LOCATION, CONTACT_CENTER_STANDARD, CONTACT_CENTER_PREMIUM, USER_ID, ACTIVATION,
                PENDING_ACTION, ERROR_CODE, ERROR_TEXT);
        named.forEach(c -> BY_HEADER.put(normal(c.header()), c));
        PACKAGES.forEach(c -> {
            BY_HEADER.put(normal(c.header()), c);
            BY_HEADER.put(normal(c.value()), c);
        });
        BY_HEADER.put(normal("Email"), EMAIL);
        BY_HEADER.put(normal("Username"), UPN);
    }

    /** The column a header names; empty for a header hubctl does not know. */
    public static Optional<Column> of(String header) {
        String normal = normal(header);
        for (String prefix : List.of("licence:", "license:")) {
            if (normal.startsWith(prefix) && normal.length() > prefix.length()) {
                String name = header.strip().substring(header.strip().indexOf(':') + 1).strip();
                return Optional.of(licence(name));
            }
        }
        return Optional.ofNullable(BY_HEADER.get(normal));
    }

    /** The column of a licence: Contact Center's own columns for its two licences, else {@code Licence: NAME}. */
    public static Column licence(String name) {
        if (name.equals(CONTACT_CENTER_STANDARD.value())) {
            return CONTACT_CENTER_STANDARD;
        }
        if (name.equals(CONTACT_CENTER_PREMIUM.value())) {
            return CONTACT_CENTER_PREMIUM;
        }
        return new Column(LICENCE_PREFIX + name, Kind.LICENCE, name);
    }

    /** The package column of a package ID; empty for a package the CSV files have no column for. */
    public static Optional<Column> ofPackage(String packageId) {
        return PACKAGES.stream().filter(c -> c.value().equals(packageId)).findFirst();
    }

    private static String normal(String header) {
        String h = header.replace("\uFEFF", "").strip().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return h.endsWith("(required)") ? h.substring(0, h.length() - "(required)".length()).strip() : h;
    }
}
