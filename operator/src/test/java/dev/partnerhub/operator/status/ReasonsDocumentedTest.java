package dev.partnerhub.operator.status;

import static org.assertj.core.api.Assertions.assertThat;

import dev.partnerhub.operator.connection.ConnectionReason;
import dev.partnerhub.operator.customer.CustomerReason;
import dev.partnerhub.operator.license.AssignmentReason;
import dev.partnerhub.operator.provider.ConnectionException;
import dev.partnerhub.operator.user.UserReason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/api.md's "Every condition reason" against the reason enums: each kind's table lists exactly the reasons its
 * enums name, each with the meaning its constant carries; a reason two enums name means the same in both.
 */
public class ReasonsDocumentedTest {

    private static final Path GUIDE = Path.of("..", "docs", "api.md");
    private static final Pattern ROW = Pattern.compile("^\\| `(\\w+)` \\| ([^|]+) \\|");
    private static final Map<String, Reason.Meaning> LABELS = Map.of("Ready", Reason.Meaning.READY,
            "Awaiting a person", Reason.Meaning.AWAITING_PERSON, "In progress", Reason.Meaning.IN_PROGRESS,
            "Stalled", Reason.Meaning.STALLED, "Neutral", Reason.Meaning.NEUTRAL);

    private static final Map<String, List<Reason>> KINDS = new LinkedHashMap<>();

    static {
        KINDS.put("PartnerConnection", Stream.concat(Arrays.stream(ConnectionReason.values()),
                Arrays.stream(ConnectionException.Problem.values())).map(Reason.class::cast).toList());
        KINDS.put("Customer", List.of(CustomerReason.values()));
        KINDS.put("CustomerUser", List.of(UserReason.values()));
        KINDS.put("LicenseAssignment", List.of(AssignmentReason.values()));
        KINDS.put("Any kind", List.of(CommonReason.values()));
    }

    @Test
    void theGuideListsEveryReasonOfEachKindWithItsMeaning() throws IOException {
        Map<String, Map<String, Reason.Meaning>> documented = documented();
        assertThat(documented.keySet()).as("the kinds under ## Every condition reason").containsExactlyElementsOf(
                KINDS.keySet());
        for (Map.Entry<String, List<Reason>> kind : KINDS.entrySet()) {
            Map<String, Reason.Meaning> inCode = new TreeMap<>();
            kind.getValue().forEach(r -> inCode.put(r.name(), r.meaning()));
            assertThat(new TreeMap<>(documented.get(kind.getKey()))).as("docs/api.md, ### " + kind.getKey()
                    + ": reason and meaning as the enums say").isEqualTo(inCode);
        }
    }

    @Test
    void aReasonNamedByTwoEnumsMeansTheSameInBoth() {
        Map<String, Reason> first = new TreeMap<>();
        List<String> disagreements = new ArrayList<>();
        KINDS.values().stream().flatMap(List::stream).forEach(r -> {
            Reason earlier = first.putIfAbsent(r.name(), r);
            if (earlier != null && earlier.meaning() != r.meaning()) {
                disagreements.add(r.name() + ": " + earlier.meaning() + " in " + earlier.getClass().getSimpleName()
                        + ", " + r.meaning() + " in " + r.getClass().getSimpleName());
            }
        });
        assertThat(disagreements).isEmpty();
    }

    /**
     * What a reason a kind states means, from the kind's enums and then the common ones; empty for a reason the
     * operator does not have.
     */
    public static Optional<Reason.Meaning> meaning(String kind, String reason) {
        return Stream.concat(KINDS.getOrDefault(kind, List.of()).stream(), KINDS.get("Any kind").stream())
                .filter(r -> r.is(reason)).map(Reason::meaning).findFirst();
    }

    /** The tables of the section, by kind: each row's reason and the meaning its label names. */
    private static Map<String, Map<String, Reason.Meaning>> documented() throws IOException {
        Map<String, Map<String, Reason.Meaning>> kinds = new LinkedHashMap<>();
        Map<String, Reason.Meaning> current = null;
        boolean inSection = false;
        for (String line : Files.readAllLines(GUIDE)) {
            if (line.startsWith("## ")) {
                inSection = line.equals("## Every condition reason");
                current = null;
            } else if (inSection && line.startsWith("### ")) {
                current = new LinkedHashMap<>();
                kinds.put(line.substring(4).trim(), current);
            } else if (current != null) {
                Matcher row = ROW.matcher(line);
                if (row.find()) {
                    Reason.Meaning meaning = LABELS.get(row.group(2).trim());
                    assertThat(meaning).as("meaning of " + row.group(1) + " in docs/api.md").isNotNull();
                    assertThat(current.put(row.group(1), meaning)).as(row.group(1) + " listed twice").isNull();
                }
            }
        }
        return kinds;
    }
}
