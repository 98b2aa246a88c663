package dev.partnerhub.cli.csv;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvGenerator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import dev.partnerhub.api.v1alpha1.CustomerUser;
import dev.partnerhub.api.v1alpha1.LicenseState;
import dev.partnerhub.api.v1alpha1.UserLicense;
import dev.partnerhub.cli.UserView;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Seed 002's status list as CSV: each user's columns as the import reads them (so that export then import gives
 * the same manifests), then its provider ID, activation state, pending action and last error.
 */
public final class CsvExport {

    private CsvExport() {
    }

    /** Whose conventions the users' file follows: Partner Center's when none has a package, else Webex's. */
    public static Format format(List<CustomerUser> users) {
        boolean packages = users.stream().anyMatch(u -> u.getSpec().getPackageName() != null);
        boolean locations = users.stream().anyMatch(u -> u.getSpec().getUsageLocation() != null);
        if (packages && locations) {
            throw new IllegalArgumentException("the users belong to Webex and Partner Center customers, whose CSV "
                    + "files differ; export one customer at a time (--customer)");
        }
        return packages || users.isEmpty() ? Format.WEBEX : Format.PARTNER_CENTER;
    }

    public static void write(List<CustomerUser> users, Writer out) throws IOException {
        Format format = format(users);
        List<CustomerUser> sorted = users.stream().sorted(Comparator.comparing(UserView::email)).toList();
        List<Column> columns = columns(format, sorted);
        // Quotes only where CSV needs them (a comma, a quote, a line break), so that a file reads well and diffs small.
        // The writer is the caller's (standard output, say): written to and flushed, never closed.
        CsvMapper mapper = new CsvMapper().enable(CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);
        mapper.getFactory().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
        List<String[]> rows = new ArrayList<>();
        rows.add(columns.stream().map(Column::header).toArray(String[]::new));
        for (CustomerUser user : sorted) {
            rows.add(columns.stream().map(c -> cell(c, user)).toArray(String[]::new));
        }
        mapper.writerFor(String[].class).with(CsvSchema.emptySchema().withLineSeparator("\n")).writeValues(out)
                .writeAll(rows).close();
    }

    private static List<Column> columns(Format format, List<CustomerUser> users) {
        List<Column> columns = new ArrayList<>(format == Format.WEBEX
                ? List.of(Column.FIRST_NAME, Column.LAST_NAME, Column.DISPLAY_NAME, Column.EMAIL, Column.PHONE_NUMBER,
                        Column.EXTENSION)
                : List.of(Column.FIRST_NAME, Column.LAST_NAME, Column.DISPLAY_NAME, Column.UPN, Column.PHONE_NUMBER,
                        Column.USAGE_LOCATION));
        if (format == Format.WEBEX) {
            Set<String> used = new TreeSet<>();
            users.forEach(u -> used.add(u.getSpec().getPackageName()));
            Column.PACKAGES.stream().filter(c -> used.contains(c.value())).forEach(columns::add);
            used.stream().filter(p -> Column.ofPackage(p).isEmpty()).forEach(p -> {
                throw new IllegalArgumentException("package " + p + " has no column in the portal's CSV file");
            });
            columns.add(Column.CONTACT_CENTER_STANDARD);
            columns.add(Column.CONTACT_CENTER_PREMIUM);
        }
        Set<String> licences = new TreeSet<>();
        users.forEach(u -> assigned(u).forEach(licences::add));
        licences.stream().map(Column::licence).filter(c -> !columns.contains(c)).forEach(columns::add);
        columns.addAll(List.of(Column.USER_ID, Column.ACTIVATION, Column.PENDING_ACTION, Column.ERROR_CODE,
                Column.ERROR_TEXT));
        return columns;
    }

    /** The licences an assignment gives the user or should give it (held or pending), by name. */
    private static Set<String> assigned(CustomerUser user) {
        Set<String> names = new LinkedHashSet<>();
        if (user.getStatus() != null) {
            for (UserLicense l : user.getStatus().getLicenses()) {
                if (!"package".equals(l.getAssignedBy()) && l.getState() != LicenseState.Error) {
                    names.add(l.getLicense());
                }
            }
        }
        return names;
    }

    private static String cell(Column column, CustomerUser user) {
        var spec = user.getSpec();
        var status = user.getStatus();
        String[] error = UserView.error(user);
        String value = switch (column.kind()) {
            case FIRST_NAME -> spec.getFirstName();
            case LAST_NAME -> spec.getLastName();
            case DISPLAY_NAME -> spec.getDisplayName();
            case EMAIL -> spec.getEmail();
            case PHONE_NUMBER -> spec.getPhoneNumber();
            case EXTENSION -> spec.getExtension();
            case USAGE_LOCATION -> spec.getUsageLocation();
            case PREFERRED_SITE -> null;
            case PACKAGE -> String.valueOf(column.value().equals(spec.getPackageName())).toUpperCase();
            case LICENCE -> String.valueOf(assigned(user).contains(column.value())).toUpperCase();
            case STATUS -> switch (column.value()) {
                case "userId" -> status == null ? null : status.getUserId();
                case "activation" -> UserView.activation(user);
                case "pendingAction" -> UserView.pendingAction(user);
                case "errorCode" -> error == null ? null : error[0];
                default -> error == null ? null : error[1];
            };
        };
        return value == null || value.equals("-") ? "" : value;
    }
}
