package dev.partnerhub.operator.health;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The state table of docs/api.md ("How GitOps tools read a resource"), row by row: what the operator's conditions
 * say in each state and what kstatus and Argo CD make of them.
 */
public final class StateTable {

    static final Path GUIDE = Path.of("..", "docs", "api.md");
    private static final String HEADING = "## How GitOps tools read a resource";
    /** A row whose reason is this stands for any resource after an edit the operator has not yet seen. */
    public static final String EDITED = "*";

    public record Row(String kind, String reason, String ready, String reconciling, String stalled, String kstatus,
            String argo) {

        public String key() {
            return kind + " " + reason;
        }
    }

    private StateTable() {
    }

    public static List<Row> read() throws IOException {
        List<String> lines = Files.readAllLines(GUIDE);
        int start = lines.indexOf(HEADING);
        if (start < 0) {
            throw new AssertionError(GUIDE + " has no section \"" + HEADING + "\"");
        }
        List<Row> rows = new ArrayList<>();
        boolean table = false;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (!line.startsWith("|")) {
                if (table) {
                    break;
                }
                continue;
            }
            table = true;
            String[] cells = line.substring(1, line.length() - 1).split("\\|");
            if (cells.length != 8) {
                throw new AssertionError(GUIDE + ": a state table row has " + cells.length + " cells, not 8: " + line);
            }
            String kind = bare(cells[0]);
            if (kind.equals("kind") || kind.startsWith("---")) {
                continue;
            }
            rows.add(new Row(kind, bare(cells[1]), bare(cells[3]), bare(cells[4]), bare(cells[5]), bare(cells[6]),
                    bare(cells[7])));
        }
        return rows;
    }

    private static String bare(String cell) {
        return cell.strip().replace("`", "");
    }
}
