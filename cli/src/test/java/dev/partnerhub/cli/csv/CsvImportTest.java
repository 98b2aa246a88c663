package dev.partnerhub.cli.csv;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** CSV files in the portals' conventions, good and bad, to manifests: every case says its line and reason. */
class CsvImportTest {

    private static final String HEADER = "First Name,Last Name,Display Name,User ID/Email (Required),Phone Number,"
            + "Extension,Preferred Webex Site,Webex Calling,Webex Meetings,Webex Contact Center Standard,"
            + "Webex Contact Center Premium\n";

    @TempDir
    Path dir;

    @Test
    void everyColumnReachesTheManifestsWithUtf8NamesAndQuotedCommas() throws IOException {
        CsvImport.Outcome outcome = importCsv(HEADER
                + "Åsa,Ström,\"Ström, Åsa\",asa@acme.example.com,+46812345678,1001,acme.webex.com,TRUE,FALSE,TRUE,FALSE\n"
                + "Örjan,Hägg,,orjan@acme.example.com,,,,FALSE,TRUE,FALSE,TRUE\n", CsvImport.Behaviour.ADD_ONLY);

        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.created()).isEqualTo(2);
        JsonNode asa = manifest("asa.yaml");
        assertThat(asa.path("metadata").path("namespace").asText()).isEqualTo("demo");
        assertThat(asa.path("spec")).hasToString("{\"customerRef\":{\"name\":\"acme\"},\"email\":\"asa@acme.example.com\","
                + "\"firstName\":\"Åsa\",\"lastName\":\"Ström\",\"displayName\":\"Ström, Åsa\",\"package\":"
                + "\"webex_calling\",\"phoneNumber\":\"+46812345678\",\"extension\":\"1001\",\"preferredWebexSite\":"
                + "\"acme.webex.com\"}");
        assertThat(Files.readString(dir.resolve("asa.yaml"), StandardCharsets.UTF_8)).contains("phoneNumber: \"+46812345678\"");
        assertThat(manifest("orjan.yaml").path("spec").path("package").asText()).isEqualTo("webex_meetings");
        assertThat(names("acme-contact-center-standard-agent.yaml")).containsExactly("asa");
        assertThat(names("acme-contact-center-premium-agent.yaml")).containsExactly("orjan");
        assertThat(manifest("acme-contact-center-premium-agent.yaml").path("spec").path("mode").asText())
                .isEqualTo("Additive");
        // A meetings package without a site is what the portal warns about.
        assertThat(outcome.warnings()).extracting(Problem::toString).containsExactly(
                "line 3, column \"Preferred Webex Site\": no Preferred Webex Site for a package with meetings; the "
                        + "portal warns that this can cause problems with the meeting site later");
    }

    @Test
    void reimportingAnUnchangedFileChangesNoFileAndAnEditChangesOnlyItsUser() throws IOException {
        String csv = HEADER + "Ann,Lind,,ann@acme.example.com,,1001,,TRUE,FALSE,TRUE,FALSE\n"
                + "Bo,Ek,,bo@acme.example.com,,,,FALSE,TRUE,FALSE,FALSE\n";
        importCsv(csv, CsvImport.Behaviour.ADD_ONLY);
        Map<Path, String> before = snapshot();
        FileTime old = FileTime.fromMillis(1_000_000L);
        for (Path p : before.keySet()) {
            Files.setLastModifiedTime(p, old);
        }

        CsvImport.Outcome again = importCsv(csv, CsvImport.Behaviour.ADD_ONLY);
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(snapshot()).isEqualTo(before);
        for (Path p : before.keySet()) {
            assertThat(Files.getLastModifiedTime(p)).as(p.toString()).isEqualTo(old);
        }

        CsvImport.Outcome edited = importCsv(csv.replace("Bo,Ek", "Bo,Eklund"), CsvImport.Behaviour.ADD_ONLY);
        assertThat(edited.changed()).isEqualTo(1);
        assertThat(manifest("bo.yaml").path("spec").path("lastName").asText()).isEqualTo("Eklund");
        assertThat(Files.getLastModifiedTime(dir.resolve("ann.yaml"))).isEqualTo(old);
    }

    @Test
    void everyPackageFalseRemovesTheUserAndBothContactCenterColumnsFalseRemoveTheLicenceOnlyWithAddAndRemove()
            throws IOException {
        importCsv(HEADER + "Ann,Lind,,ann@acme.example.com,,1001,,TRUE,FALSE,TRUE,FALSE\n"
                + "Bo,Ek,,bo@acme.example.com,,,,FALSE,TRUE,TRUE,FALSE\n", CsvImport.Behaviour.ADD_ONLY);
        String ccOff = HEADER + "Ann,Lind,,ann@acme.example.com,,1001,,TRUE,FALSE,FALSE,FALSE\n";

        CsvImport.Outcome addOnly = importCsv(ccOff, CsvImport.Behaviour.ADD_ONLY);
        assertThat(names("acme-contact-center-standard-agent.yaml")).containsExactly("ann", "bo");
        assertThat(addOnly.warnings()).extracting(Problem::toString).containsExactly("line 2, column \"Webex Contact "
                + "Center Standard\": FALSE, but the licence stays: --behaviour add-only never removes a licence "
                + "(add-and-remove does)");

        importCsv(ccOff, CsvImport.Behaviour.ADD_AND_REMOVE);
        assertThat(names("acme-contact-center-standard-agent.yaml")).containsExactly("bo");
        assertThat(manifest("acme-contact-center-standard-agent.yaml").path("spec").path("mode").asText())
                .isEqualTo("Exclusive");

        CsvImport.Outcome deleted = importCsv(HEADER + "Bo,Ek,,bo@acme.example.com,,,,FALSE,FALSE,,\n",
                CsvImport.Behaviour.ADD_ONLY);
        assertThat(deleted.removed()).isEqualTo(1);
        assertThat(dir.resolve("bo.yaml")).doesNotExist();
        // Bo held the licence alone: the assignment goes with him, and the operator takes back what it gave.
        assertThat(dir.resolve("acme-contact-center-standard-agent.yaml")).doesNotExist();
        assertThat(dir.resolve("ann.yaml")).exists();
    }

    @Test
    void badRowsSayTheirLineColumnAndReasonAndNothingIsWrittenUnlessSkipped() throws IOException {
        String csv = HEADER
                + "Ann,Lind,,ann@acme.example.com,12405551001,,,TRUE,FALSE,,\n"
                + "Bo,Ek,,bo@acme.example.com,,,,FALSE,TRUE,,\n"
                + "Bo,Again,,BO@acme.example.com,,,,FALSE,TRUE,,\n"
                + "Cy,Nomail,,,,,,FALSE,TRUE,,\n"
                + "Di,Two,,di@acme.example.com,,1004,,TRUE,TRUE,,\n"
                + "Ed,Line,,ed@acme.example.com,,,,TRUE,FALSE,,\n"
                + "Fi,Both,,fi@acme.example.com,,,,FALSE,TRUE,TRUE,TRUE\n"
                + "Gu,Maybe,,gu@acme.example.com,,,,yes,FALSE,,\n"
                + "Hu,Site,,hu@acme.example.com,,,https://acme.webex.com/meet,FALSE,TRUE,,\n";
        CsvImport.Outcome outcome = importCsv(csv, CsvImport.Behaviour.ADD_ONLY);

        assertThat(outcome.written()).isFalse();
        assertThat(outcome.problems()).extracting(Problem::toString).containsExactlyInAnyOrder(
                "line 2, column \"Phone Number\": \"12405551001\" looks like a number whose leading + a spreadsheet "
                        + "stripped: write +12405551001 (edit CSV files in a text editor, or format the column as text)",
                "line 4, column \"User ID/Email (Required)\": duplicate email BO@acme.example.com: line 3 has it "
                        + "already",
                "line 5, column \"User ID/Email (Required)\": required: the user's email address",
                "line 6: TRUE for 2 packages (webex_calling, webex_meetings); a user has one package",
                "line 7, column \"Phone Number\": package webex_calling gives the user a line: a Phone Number "
                        + "(E.164, with its +) or an Extension is required",
                "line 8: both Contact Center columns are TRUE; a user holds Standard or Premium, not both",
                "line 9, column \"Webex Calling\": \"yes\": TRUE or FALSE expected",
                "line 10, column \"Preferred Webex Site\": \"https://acme.webex.com/meet\" is not a site's host name; "
                        + "write it as acme.webex.com, without https:// or a path");
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files).isEmpty();
        }

        CsvImport.Outcome skipped = new CsvImport("acme", "demo", CsvImport.Behaviour.ADD_ONLY, true)
                .run(UserCsvReader.read(new StringReader(csv)), dir);
        assertThat(skipped.written()).isTrue();
        assertThat(skipped.created()).isEqualTo(1);
        assertThat(manifest("bo.yaml").path("spec").path("lastName").asText()).isEqualTo("Ek");
    }

    @Test
    void anUnknownColumnOrAMissingEmailColumnIsReportedOnTheHeaderLine() throws IOException {
        CsvImport.Outcome unknown = importCsv("First Name,User ID/Email,Favourite Colour,Webex Meetings\n"
                + "Ann,ann@acme.example.com,blue,TRUE\n", CsvImport.Behaviour.ADD_ONLY);
        assertThat(unknown.problems()).singleElement().satisfies(p -> {
            assertThat(p.line()).isEqualTo(1);
            assertThat(p.column()).isEqualTo("Favourite Colour");
            assertThat(p.reason()).startsWith("unknown column");
        });
        CsvImport.Outcome noEmail = importCsv("First Name,Webex Meetings\nAnn,TRUE\n", CsvImport.Behaviour.ADD_ONLY);
        assertThat(noEmail.problems()).extracting(Problem::toString)
                .containsExactly("line 1: no email column: add \"User ID/Email (Required)\" (Webex) or \"User "
                        + "Principal Name\" (Partner Center)");
        assertThat(noEmail.written()).isFalse();
    }

    @Test
    void aPartnerCenterFileHasUserPrincipalNamesUsageLocationsAndLicenceColumns() throws IOException {
        CsvImport.Outcome outcome = importCsv("User Principal Name,First Name,Last Name,Usage Location,"
                + "Licence: Microsoft 365 Business Basic\n"
                + "megan@contoso.example.com,Megan,Bowen,us,TRUE\n"
                + "lars@contoso.example.com,Lars,Åkesson,SE,FALSE\n"
                + "nina@contoso.example.com,Nina,Novak,Sweden,TRUE\n", CsvImport.Behaviour.ADD_ONLY);
        assertThat(outcome.problems()).extracting(Problem::toString).containsExactly("line 4, column \"Usage "
                + "Location\": \"SWEDEN\": a usage location is a two-letter country code such as US or SE");

        importCsv("User Principal Name,First Name,Last Name,Usage Location,Licence: Microsoft 365 Business Basic\n"
                + "megan@contoso.example.com,Megan,Bowen,us,TRUE\nlars@contoso.example.com,Lars,Åkesson,SE,FALSE\n",
                CsvImport.Behaviour.ADD_ONLY);
        assertThat(manifest("megan.yaml").path("spec").path("usageLocation").asText()).isEqualTo("US");
        assertThat(manifest("megan.yaml").path("spec").has("package")).isFalse();
        assertThat(names("acme-microsoft-365-business-basic.yaml")).containsExactly("megan");

        CsvImport.Outcome packages = importCsv("User Principal Name,Usage Location,Webex Meetings\n"
                + "x@contoso.example.com,US,TRUE\n", CsvImport.Behaviour.ADD_ONLY);
        assertThat(packages.problems()).extracting(Problem::column).containsExactly("Webex Meetings");
    }

    @Test
    void theSampleFileImportsWithoutAProblem() throws IOException {
        UserCsvReader.Result csv = UserCsvReader.read(Path.of("../samples/acme-users.csv"));
        CsvImport.Outcome outcome = new CsvImport("acme", "partnerhub-demo", CsvImport.Behaviour.ADD_ONLY, false)
                .run(csv, dir);
        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.created()).isEqualTo(3);
        assertThat(manifest("goran.yaml").path("spec").path("firstName").asText()).isEqualTo("Göran");
    }

    @Test
    void aFileLargerThanAPortalAcceptsIsFine() throws IOException {
        StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 300; i++) {
            csv.append("U,").append(i).append(",,u").append(i).append("@acme.example.com,,,,FALSE,TRUE,,\n");
        }
        assertThat(importCsv(csv.toString(), CsvImport.Behaviour.ADD_ONLY).created()).isEqualTo(300);
    }

    @Test
    void theCommandPrintsEachBadRowAndExitsWithOneOrPrintsWhatItWrote() throws IOException {
        Path bad = dir.resolve("bad.csv");
        Files.writeString(bad, HEADER + "Ann,Lind,,ann@acme.example.com,12405551001,,,TRUE,FALSE,,\n");
        Path out = dir.resolve("manifests");
        ByteArrayOutputStream stdout = new ByteArrayOutputStream();
        ByteArrayOutputStream stderr = new ByteArrayOutputStream();
        ImportCommand command = new ImportCommand();
        command.out = new PrintStream(stdout, true, StandardCharsets.UTF_8);
        command.err = new PrintStream(stderr, true, StandardCharsets.UTF_8);
        assertThat(new CommandLine(command).execute(bad.toString(), "--customer", "acme", "--out-dir", out.toString()))
                .isEqualTo(1);
        assertThat(stderr.toString(StandardCharsets.UTF_8)).contains(bad + ": error: line 2, column \"Phone Number\": "
                + "\"12405551001\" looks like a number whose leading + a spreadsheet stripped")
                .contains("1 bad row; nothing written.");
        assertThat(out).doesNotExist();

        Path good = dir.resolve("good.csv");
        Files.writeString(good, HEADER + "Ann,Lind,,ann@acme.example.com,+12405551001,,,TRUE,FALSE,,\n");
        assertThat(new CommandLine(command).execute(good.toString(), "--customer", "acme", "--out-dir", out.toString(),
                "--behaviour", "add-and-remove")).isZero();
        assertThat(stdout.toString(StandardCharsets.UTF_8)).contains("1 users read (Webex format); in " + out
                + ": 1 created, 0 changed, 0 removed, 0 unchanged");
        assertThat(out.resolve("ann.yaml")).exists();
    }

    private CsvImport.Outcome importCsv(String csv, CsvImport.Behaviour behaviour) throws IOException {
        return new CsvImport("acme", "demo", behaviour, false).run(UserCsvReader.read(new StringReader(csv)), dir);
    }

    private JsonNode manifest(String file) throws IOException {
        return ManifestFolder.YAML.readTree(dir.resolve(file).toFile());
    }

    private List<String> names(String file) throws IOException {
        return StreamSupport.stream(manifest(file).path("spec").path("users").path("names").spliterator(), false)
                .map(JsonNode::asText).toList();
    }

    private Map<Path, String> snapshot() throws IOException {
        Map<Path, String> files = new TreeMap<>();
        try (Stream<Path> list = Files.list(dir)) {
            for (Path p : list.toList()) {
                files.put(p, Files.readString(p, StandardCharsets.UTF_8));
            }
        }
        return files;
    }
}
