package dev.partnerhub.providers.spi.auth;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one redaction step: every credential the operator holds (static tokens, client secrets, refresh and access
 * tokens, temporary passwords) is remembered here when it is read, received or made, and every message bound for a
 * status, an Event or a log line passes {@link #apply}, which replaces each of them by {@value #MARK}. It is a
 * process-wide set because the log handlers that use it are not managed objects; it keeps the {@value #KEPT} most
 * recently remembered values, so renewed tokens do not grow it without bound.
 */
public final class Redaction {

    public static final String MARK = "[redacted]";
    /** Shorter values would redact ordinary words; no credential of the vendors is this short. */
    static final int SHORTEST = 8;
    static final int KEPT = 256;

    private static final Map<String, Boolean> REMEMBERED = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > KEPT;
        }
    };
    /** The remembered values, longest first (so that one containing another goes whole); replaced, never edited. */
    private static volatile String[] longestFirst = new String[0];

    private Redaction() {
    }

    /** Remembers a credential; null and short values are ignored. */
    public static void remember(String secret) {
        if (secret == null || secret.length() < SHORTEST) {
            return;
        }
        synchronized (REMEMBERED) {
            // Only a new value changes the set (the eldest leaves only when one comes in): a known one is not sorted again.
            if (REMEMBERED.put(secret, Boolean.TRUE) == null) {
                longestFirst = REMEMBERED.keySet().stream().sorted(Comparator.comparingInt(String::length)
                        .reversed()).toArray(String[]::new);
            }
        }
    }

    /** The text with every remembered credential replaced by {@value #MARK}. */
    public static String apply(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : longestFirst) {
            if (result.contains(secret)) {
                result = result.replace(secret, MARK);
            }
        }
        return result;
    }
}
