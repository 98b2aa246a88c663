package dev.partnerhub.cli.bench;

import dev.partnerhub.cli.csv.CsvImport;
import dev.partnerhub.cli.csv.UserCsvReader;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Imports a generated CSV file of N users into an empty folder, then the same file again, and prints how long each
 * took and how many files the second import changed (it must be none).
 */
@Command(name = "csv-import", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n", footer = {
            "  ./hubctl bench csv-import --rows 10000"},
        description = "Times hubctl csv import of a "
        + "generated file of N users, then its re-import (which must change no file).")
final class CsvImportBench implements Callable<Integer> {

    @Option(names = "--rows", defaultValue = "10000", description = "Users in the file. Default: ${DEFAULT-VALUE}.")
    int rows;

    PrintStream out = System.out;

    @Override
    public Integer call() throws IOException {
        Path work = Files.createTempDirectory("hubctl-bench-csv");
        try {
            Path csv = work.resolve("users.csv");
            generate(csv, rows);
            Path dir = work.resolve("manifests");
            long start = System.nanoTime();
            CsvImport.Outcome first = run(csv, dir);
            double firstSeconds = (System.nanoTime() - start) / 1e9;
            Map<Path, String> stamps = stamps(dir);
            start = System.nanoTime();
            CsvImport.Outcome second = run(csv, dir);
            double secondSeconds = (System.nanoTime() - start) / 1e9;
            long changed = stamps(dir).entrySet().stream().filter(e -> !e.getValue().equals(stamps.get(e.getKey())))
                    .count() + Math.abs(stamps(dir).size() - stamps.size());
            out.printf("csv import of %,d users (%,d bytes): %.2f s, %d manifests and %d licence assignments written%n",
                    rows, Files.size(csv), firstSeconds, first.created(), first.assignmentsWritten());
            out.printf("re-import of the same file: %.2f s, %d unchanged, files changed: %d%n", secondSeconds,
                    second.unchanged(), changed + second.created() + second.changed() + second.assignmentsWritten());
            return first.problems().isEmpty() && second.problems().isEmpty() ? 0 : 1;
        } finally {
            try (Stream<Path> files = Files.walk(work)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static CsvImport.Outcome run(Path csv, Path dir) throws IOException {
        return new CsvImport("bench", "bench", CsvImport.Behaviour.ADD_AND_REMOVE, false).run(UserCsvReader.read(csv),
                dir);
    }

    /** N users: a third on Webex Calling with a number, the rest on Meetings; every fifth a Contact Center agent. */
    static void generate(Path csv, int rows) throws IOException {
        try (Writer w = Files.newBufferedWriter(csv, StandardCharsets.UTF_8)) {
            w.write("First Name,Last Name,Display Name,User ID/Email (Required),Phone Number,Extension,"
                    + "Webex Calling,Webex Meetings,Webex Contact Center Standard,Webex Contact Center Premium\n");
            for (int i = 0; i < rows; i++) {
                boolean calling = i % 3 == 0;
                w.write(String.format("Användare,Nummer %d,\"Nummer %d, Användare\",user%d@bench.example.com,%s,%s,%s,%s,%s,"
                        + "FALSE%n", i, i, i, calling ? "+4681" + String.format("%07d", i) : "",
                        calling ? String.valueOf(1000 + i % 9000) : "", calling ? "TRUE" : "FALSE",
                        calling ? "FALSE" : "TRUE", i % 5 == 0 ? "TRUE" : "FALSE"));
            }
        }
    }

    /** Each file's modification time and size. */
    private static Map<Path, String> stamps(Path dir) {
        try (Stream<Path> files = Files.list(dir)) {
            return files.collect(Collectors.toMap(p -> p, p -> {
                try {
                    return Files.getLastModifiedTime(p) + " " + Files.size(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
