package dev.partnerhub.cli.csv;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code hubctl csv import}: a portal's user CSV file as CustomerUser and LicenseAssignment manifests. */
@Command(name = "import", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n", footer = {
            "  ./hubctl csv import samples/acme-users.csv --customer acme -n partnerhub-demo --out-dir acme-users"},
        description = {
    "Writes one CustomerUser manifest per user of a CSV file in Control Hub's or Partner Center's conventions, and "
            + "a LicenseAssignment per licence column. A row with every package column FALSE removes the user's "
            + "manifest. Re-importing an unchanged file changes no file.",
    "Exit code 0 when the manifests were written, 1 when a row is bad (nothing is written)."})
final class ImportCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "FILE", description = "The CSV file (UTF-8).")
    Path file;

    @Option(names = "--customer", required = true, description = "The Customer the users belong to "
            + "(spec.customerRef.name).")
    String customer;

    @Option(names = {"-n", "--namespace"}, description = "metadata.namespace of new manifests (default: none, so "
            + "kubectl applies them to its current namespace).")
    String namespace;

    @Option(names = "--behaviour", defaultValue = "add-only", description = "add-only (licences are only added) or "
            + "add-and-remove (the file decides who holds the licences it names). Default: ${DEFAULT-VALUE}.")
    String behaviour;

    @Option(names = "--out-dir", defaultValue = ".", description = "The folder of the customer's manifests "
            + "(read and written). Default: the current folder.")
    Path dir;

    @Option(names = "--skip-invalid", description = "Write what the good rows say and report the bad ones.")
    boolean skipInvalid;

    PrintStream out = System.out;
    PrintStream err = System.err;

    @Override
    public Integer call() throws Exception {
        CsvImport.Behaviour mode = switch (behaviour) {
            case "add-only" -> CsvImport.Behaviour.ADD_ONLY;
            case "add-and-remove" -> CsvImport.Behaviour.ADD_AND_REMOVE;
            default -> throw new IllegalArgumentException("--behaviour " + behaviour + ": add-only or add-and-remove");
        };
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException(file + ": no such file");
        }
        UserCsvReader.Result csv = UserCsvReader.read(file);
        CsvImport.Outcome outcome = new CsvImport(customer, namespace, mode, skipInvalid).run(csv, dir);
        report(file + ": ", outcome.warnings(), "warning", out);
        report(file + ": ", outcome.problems(), "error", err);
        if (!outcome.written()) {
            err.printf("%d bad row%s; nothing written. Fix %s, or pass --skip-invalid to write the good rows.%n",
                    outcome.problems().size(), outcome.problems().size() == 1 ? "" : "s",
                    outcome.problems().size() == 1 ? "it" : "them");
            return 1;
        }
        out.printf("%s: %d users read (%s format); in %s: %d created, %d changed, %d removed, %d unchanged; "
                + "licence assignments: %d written, %d removed.%n", file, csv.users().size(),
                csv.format() == Format.PARTNER_CENTER ? "Partner Center" : "Webex", dir, outcome.created(),
                outcome.changed(), outcome.removed(), outcome.unchanged(), outcome.assignmentsWritten(),
                outcome.assignmentsRemoved());
        return outcome.problems().isEmpty() ? 0 : 1;
    }

    private static void report(String prefix, List<Problem> problems, String what, PrintStream stream) {
        problems.forEach(p -> stream.println(prefix + what + ": " + p));
    }
}
