package dev.partnerhub.cli.docs;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares a command's output with its documented output, after normalising on both sides what legitimately differs
 * from run to run: generated IDs, timestamps, the ports and the work directory. Nothing else is forgiven.
 *
 * <p>Two conventions of the guides are read: {@code ...} where no letter or digit precedes it elides text (a line
 * of its own, any number of lines), and a {@code # remark} after two spaces at the end of a documented line is the
 * writer's, not the command's.
 *
 * <p>The rows of a {@code kubectl get} table are compared in any order: the embedded API lists objects in an order
 * of its own, not by name as a kube-apiserver does. A table's AGE (its last column) is any age.
 */
final class Transcript {

    private static final Pattern UUID = Pattern.compile(
            "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    /** Webex's IDs: base64 of {@code ciscospark://us/KIND/uuid}. */
    private static final Pattern WEBEX_ID = Pattern.compile("Y2lzY29zcGFyazovL3Vz[A-Za-z0-9_=-]+");
    private static final Pattern TIMESTAMP = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?Z");
    private static final Pattern REMARK = Pattern.compile("(?<=\\S)\\s{2,}#\\s.*$");
    private static final Pattern ELISION = Pattern.compile("(?<![A-Za-z0-9])\\.\\.\\.");
    private static final String ELIDED_LINES = "...";
    /** An AGE cell at the end of a table row, as the API server renders a date: {@code 45s}, {@code 3m20s}, ... */
    private static final Pattern AGE = Pattern.compile("(?<=\\s)(\\d+[smhdy])+$");

    private final Map<String, String> replacements;

    /** {@code replacements}: actual text (a work directory, a port) and the text the guides show in its place. */
    Transcript(Map<String, String> replacements) {
        this.replacements = replacements;
    }

    /** Whether {@code actual} is what {@code documented} shows; {@code table}: a kubectl table, rows in any order. */
    boolean matches(List<String> documented, List<String> actual, boolean table) {
        List<String> expected = documented.stream().map(l -> normalise(REMARK.matcher(l).replaceFirst(""))).toList();
        List<String> got = actual.stream().map(this::actualLine).map(Transcript::normalise).toList();
        return table ? sortedRows(anyAge(expected)).equals(sortedRows(anyAge(got))) : matches(expected, 0, got, 0);
    }

    /** The rows of each table whose header ends with AGE, their age masked. */
    private static List<String> anyAge(List<String> lines) {
        List<String> masked = new ArrayList<>();
        boolean aged = false;
        boolean header = true;
        for (String line : lines) {
            if (line.isEmpty()) {
                header = true;
                masked.add(line);
                continue;
            }
            if (header) {
                aged = line.endsWith(" AGE");
                header = false;
                masked.add(line);
                continue;
            }
            masked.add(aged ? AGE.matcher(line).replaceFirst("<age>") : line);
        }
        return masked;
    }

    /** Each table's header, then its rows by name; tables are separated by a blank line. */
    private static List<String> sortedRows(List<String> lines) {
        List<String> sorted = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= lines.size(); i++) {
            if (i == lines.size() || lines.get(i).isEmpty()) {
                if (start < i) {
                    sorted.add(lines.get(start));
                    lines.subList(start + 1, i).stream().sorted().forEach(sorted::add);
                }
                sorted.add("");
                start = i + 1;
            }
        }
        return sorted;
    }

    /** The actual output as the guides would show it: the environment's ports and paths replaced by theirs. */
    String actualLine(String line) {
        String shown = line;
        for (Map.Entry<String, String> r : replacements.entrySet()) {
            shown = shown.replace(r.getKey(), r.getValue());
        }
        return shown;
    }

    static String normalise(String line) {
        String text = mask(UUID, line);
        text = mask(WEBEX_ID, text);
        text = TIMESTAMP.matcher(text).replaceAll("<time>");
        return text.stripTrailing();
    }

    /** The same number of characters, so that the columns of a table stay where they were. */
    private static String mask(Pattern pattern, String line) {
        Matcher m = pattern.matcher(line);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(out, "x".repeat(m.group().length()));
        }
        return m.appendTail(out).toString();
    }

    private static boolean matches(List<String> expected, int e, List<String> actual, int a) {
        if (e == expected.size()) {
            return a == actual.size();
        }
        if (expected.get(e).equals(ELIDED_LINES)) {
            for (int skip = a; skip <= actual.size(); skip++) {
                if (matches(expected, e + 1, actual, skip)) {
                    return true;
                }
            }
            return false;
        }
        return a < actual.size() && lineMatches(expected.get(e), actual.get(a)) && matches(expected, e + 1, actual, a + 1);
    }

    private static boolean lineMatches(String expected, String actual) {
        if (!ELISION.matcher(expected).find()) {
            return expected.equals(actual);
        }
        StringBuilder regex = new StringBuilder();
        int last = 0;
        Matcher m = ELISION.matcher(expected);
        while (m.find()) {
            regex.append(Pattern.quote(expected.substring(last, m.start()))).append(".*");
            last = m.end();
        }
        regex.append(Pattern.quote(expected.substring(last)));
        return Pattern.matches(regex.toString(), actual);
    }
}
