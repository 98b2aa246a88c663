package dev.partnerhub.cli.csv;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Reads a user CSV file in the portals' conventions and checks every row: each problem carries its line, column
 * and reason, and a row with a problem yields no user.
 */
public final class UserCsvReader {

    /** A site's host name, as spec.preferredWebexSite takes it. */
    private static final java.util.regex.Pattern SITE = java.util.regex.Pattern.compile(
            "[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?(\\.[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?)+");

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");
    /** A number a spreadsheet stripped of its leading +: all digits, as long as an international number. */
    private static final Pattern STRIPPED = Pattern.compile("^[1-9][0-9]{9,14}$");
    private static final Pattern EXTENSION = Pattern.compile("^[0-9]{2,10}$");
    private static final Pattern COUNTRY = Pattern.compile("^[A-Z]{2}$");

    /** What a file held: its conventions, its columns, the users of its good rows, and what is wrong or odd. */
    public record Result(Format format, List<Column> columns, List<UserRow> users, List<Problem> problems,
            List<Problem> warnings) {
    }

    private UserCsvReader() {
    }

    public static Result read(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(reader);
        }
    }

    public static Result read(Reader reader) throws IOException {
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .enable(CsvParser.Feature.SKIP_EMPTY_LINES);
        List<Problem> problems = new ArrayList<>();
        List<Problem> warnings = new ArrayList<>();
        try (MappingIterator<String[]> rows = mapper.readerFor(String[].class).readValues(reader)) {
            if (!rows.hasNext()) {
                problems.add(new Problem(1, null, "the file is empty; it needs a header line"));
                return new Result(Format.WEBEX, List.of(), List.of(), problems, warnings);
            }
            String[] header = rows.next();
            List<Column> columns = header(header, problems);
            Format format = columns.stream().anyMatch(c -> c == Column.UPN || c == Column.USAGE_LOCATION)
                    ? Format.PARTNER_CENTER : Format.WEBEX;
            checkColumns(header, columns, format, problems);
            List<UserRow> users = new ArrayList<>();
            Map<String, Integer> seen = new HashMap<>();
            int line = (int) rows.getParser().currentLocation().getLineNr();
            while (rows.hasNext()) {
                String[] cells = rows.next();
                int next = (int) rows.getParser().currentLocation().getLineNr();
                if (problems.isEmpty() || problems.stream().noneMatch(p -> p.line() == 1)) {
                    Optional<UserRow> user = new Row(line, header, columns, format, cells, problems, warnings).read();
                    user.ifPresent(u -> {
                        Integer first = seen.putIfAbsent(u.email().toLowerCase(Locale.ROOT), u.line());
                        if (first != null) {
                            problems.add(new Problem(u.line(), header[columns.indexOf(emailColumn(columns))],
                                    "duplicate email " + u.email() + ": line " + first + " has it already"));
                        } else {
                            users.add(u);
                        }
                    });
                }
                line = next;
            }
            List<UserRow> good = users.stream().filter(u -> problems.stream().noneMatch(p -> p.line() == u.line()))
                    .toList();
            return new Result(format, columns, good, problems, warnings);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            problems.add(new Problem((int) e.getLocation().getLineNr(), null, "not a CSV file: "
                    + e.getOriginalMessage()));
            return new Result(Format.WEBEX, List.of(), List.of(), problems, warnings);
        }
    }

    private static List<Column> header(String[] header, List<Problem> problems) {
        List<Column> columns = new ArrayList<>();
        Map<Column, String> seen = new LinkedHashMap<>();
        for (String name : header) {
            Optional<Column> column = Column.of(name);
            if (column.isEmpty()) {
                problems.add(new Problem(1, name.strip(), "unknown column; hubctl reads " + known()));
                columns.add(null);
                continue;
            }
            String earlier = seen.putIfAbsent(column.get(), name);
            if (earlier != null) {
                problems.add(new Problem(1, name.strip(), "the same column as \"" + earlier.strip() + "\""));
            }
            columns.add(column.get());
        }
        return columns;
    }

    private static void checkColumns(String[] header, List<Column> columns, Format format, List<Problem> problems) {
        if (columns.stream().noneMatch(c -> c != null && c.kind() == Column.Kind.EMAIL)) {
            problems.add(new Problem(1, null, "no email column: add \"" + Column.EMAIL.header() + "\" (Webex) or \""
                    + Column.UPN.header() + "\" (Partner Center)"));
        }
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            if (format == Format.PARTNER_CENTER && c != null && (c.kind() == Column.Kind.PACKAGE
                    || c.kind() == Column.Kind.PREFERRED_SITE || c == Column.EXTENSION)) {
                problems.add(new Problem(1, header[i].strip(), "a Partner Center file (it has \"" + Column.UPN.header()
                        + "\" or \"" + Column.USAGE_LOCATION.header() + "\") has no such column; remove it"));
            }
        }
    }

    private static Column emailColumn(List<Column> columns) {
        return columns.stream().filter(c -> c != null && c.kind() == Column.Kind.EMAIL).findFirst().orElseThrow();
    }

    private static String known() {
        return "the columns of Control Hub's and Partner Center's user files (" + Column.EMAIL.header() + ", "
                + Column.FIRST_NAME.header() + ", a TRUE/FALSE column per package such as Webex Calling, ...) and "
                + "\"" + Column.LICENCE_PREFIX + "<licence name>\"";
    }

    /** One data row being read. */
    private record Row(int line, String[] header, List<Column> columns, Format format, String[] cells,
            List<Problem> problems, List<Problem> warnings) {

        Optional<UserRow> read() {
            int before = problems.size();
            if (cells.length > columns.size()) {
                problems.add(new Problem(line, null, cells.length + " cells but the header has " + columns.size()
                        + " columns; quote a value that holds a comma"));
                return Optional.empty();
            }
            String email = null;
            Map<Column.Kind, String> fields = new EnumMap<>(Column.Kind.class);
            List<String> packages = new ArrayList<>();
            boolean packageFalse = false;
            Map<String, Boolean> licences = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                Column column = columns.get(i);
                String value = i < cells.length ? cells[i].strip() : "";
                switch (column.kind()) {
                    case EMAIL -> email = email(value, header[i]);
                    case PHONE_NUMBER -> fields.put(column.kind(), phone(value, header[i]));
                    case EXTENSION -> fields.put(column.kind(), check(value, EXTENSION, header[i],
                            "an extension is 2 to 10 digits"));
                    case USAGE_LOCATION -> fields.put(column.kind(), check(value.toUpperCase(Locale.ROOT), COUNTRY,
                            header[i], "a usage location is a two-letter country code such as US or SE"));
                    case PACKAGE -> {
                        Boolean on = bool(value, header[i]);
                        if (Boolean.TRUE.equals(on)) {
                            packages.add(column.value());
                        }
                        packageFalse |= Boolean.FALSE.equals(on);
                    }
                    case LICENCE -> {
                        Boolean on = bool(value, header[i]);
                        if (on != null) {
                            licences.put(column.value(), on);
                        }
                    }
                    case STATUS -> {
                    }
                    default -> fields.put(column.kind(), value);
                }
            }
            if (packages.size() > 1) {
                problems.add(new Problem(line, null, "TRUE for " + packages.size() + " packages (" + String.join(", ",
                        packages) + "); a user has one package"));
            }
            boolean delete = packages.isEmpty() && packageFalse;
            if (format == Format.WEBEX && packages.isEmpty() && !packageFalse
                    && columns.stream().anyMatch(c -> c.kind() == Column.Kind.PACKAGE)) {
                problems.add(new Problem(line, null, "no package: set one package column to TRUE, or every package "
                        + "column to FALSE to delete the user"));
            }
            if (Boolean.TRUE.equals(licences.get(Column.CONTACT_CENTER_STANDARD.value()))
                    && Boolean.TRUE.equals(licences.get(Column.CONTACT_CENTER_PREMIUM.value()))) {
                problems.add(new Problem(line, null, "both Contact Center columns are TRUE; a user holds Standard or "
                        + "Premium, not both"));
            }
            String site = fields.getOrDefault(Column.Kind.PREFERRED_SITE, "");
            if (!site.isEmpty() && !SITE.matcher(site).matches()) {
                problems.add(new Problem(line, Column.PREFERRED_SITE.header(), "\"" + site + "\" is not a site's host "
                        + "name; write it as acme.webex.com, without https:// or a path"));
            }
            if (!delete && site.isEmpty() && format == Format.WEBEX
                    && packages.stream().anyMatch(p -> p.equals("webex_meetings") || p.equals("webex_suite"))
                    && columns.contains(Column.PREFERRED_SITE)) {
                warnings.add(new Problem(line, Column.PREFERRED_SITE.header(), "no Preferred Webex Site for a "
                        + "package with meetings; the portal warns that this can cause problems with the meeting "
                        + "site later"));
            }
            if (problems.size() > before || email == null) {
                return Optional.empty();
            }
            return Optional.of(new UserRow(line, email, fields, packages.isEmpty() ? null : packages.get(0), delete,
                    licences));
        }

        private String email(String value, String column) {
            if (value.isEmpty()) {
                problems.add(new Problem(line, column.strip(), "required: the user's email address"));
                return null;
            }
            if (!EMAIL.matcher(value).matches()) {
                problems.add(new Problem(line, column.strip(), "\"" + value + "\" is not an email address"));
                return null;
            }
            return value;
        }

        private String phone(String value, String column) {
            if (value.isEmpty() || E164.matcher(value).matches()) {
                return value;
            }
            String digits = value.replaceAll("[\\s().-]", "");
            if (STRIPPED.matcher(digits).matches()) {
                problems.add(new Problem(line, column.strip(), "\"" + value + "\" looks like a number whose leading + "
                        + "a spreadsheet stripped: write +" + digits + " (edit CSV files in a text editor, or format "
                        + "the column as text)"));
            } else {
                problems.add(new Problem(line, column.strip(), "\"" + value + "\" is not an E.164 number (+, country "
                        + "code, number, no spaces)"));
            }
            return null;
        }

        private String check(String value, Pattern pattern, String column, String rule) {
            if (!value.isEmpty() && !pattern.matcher(value).matches()) {
                problems.add(new Problem(line, column.strip(), "\"" + value + "\": " + rule));
                return null;
            }
            return value;
        }

        private Boolean bool(String value, String column) {
            if (value.isEmpty()) {
                return null;
            }
            if (value.equalsIgnoreCase("TRUE")) {
                return true;
            }
            if (value.equalsIgnoreCase("FALSE")) {
                return false;
            }
            problems.add(new Problem(line, column.strip(), "\"" + value + "\": TRUE or FALSE expected"));
            return null;
        }
    }
}
