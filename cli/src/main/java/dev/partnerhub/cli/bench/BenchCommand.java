package dev.partnerhub.cli.bench;

import picocli.CommandLine.Command;

/** {@code hubctl bench}: benchmarks that print their figures (never asserted in a unit test). */
@Command(name = "bench", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n", footer = {
            "  ./hubctl bench operator --users 10000 --heap 700m --resync 60s --resyncs 1"},
        description = "Benchmarks that print their figures.",
        subcommands = {BulkheadBench.class, CsvImportBench.class, OperatorBench.class, SoakBench.class})
public final class BenchCommand implements Runnable {

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
