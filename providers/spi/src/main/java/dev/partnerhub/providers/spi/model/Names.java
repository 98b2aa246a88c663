package dev.partnerhub.providers.spi.model;

import java.util.Locale;

/**
 * Names of licences and roles as an org's own lists give them, compared the way people read them: without case,
 * spaces or punctuation ("Contact Center - Premium Agent" is "Contact center Premium Agent"). A provider describes a
 * licence or role by such a name, and the operator finds it in the org's list, never by a name written down once.
 */
public final class Names {

    private Names() {
    }

    public static boolean same(String a, String b) {
        return a != null && b != null && key(a).equals(key(b));
    }

    /** Whether {@code name} is {@code wanted} or ends with it ("Contact Center Supervisor" for "Supervisor"). */
    public static boolean endsWith(String name, String wanted) {
        return name != null && wanted != null && !key(wanted).isEmpty() && key(name).endsWith(key(wanted));
    }

    /** Whether {@code name} holds {@code part} ("Contact center Standard Agent" holds "Contact Center"). */
    public static boolean holds(String name, String part) {
        return name != null && part != null && key(name).contains(key(part));
    }

    private static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
