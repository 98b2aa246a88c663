package dev.partnerhub.cli.csv;

import picocli.CommandLine.Command;

/** {@code hubctl csv}: the portals' user CSV files, as manifests and back. */
@Command(name = "csv", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n", footer = {
            "  ./hubctl csv import samples/acme-users.csv --customer acme -n partnerhub-demo --out-dir acme-users",
            "  ./hubctl csv export -A --exclude-provisioned"},
        description = "Import the portals' user CSV files as "
        + "manifests, and export users with their status as CSV.", subcommands = {ImportCommand.class,
                ExportCommand.class})
public final class CsvCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
