package dev.partnerhub.cli.csv;

/**
 * What is wrong with one cell, row or header of a CSV file, said so that a person can find and fix it.
 *
 * @param line   the file's line (1 is the header)
 * @param column the column's header as the file writes it; null for the whole row
 */
public record Problem(int line, String column, String reason) {

    @Override
    public String toString() {
        return "line " + line + (column == null ? "" : ", column \"" + column + "\"") + ": " + reason;
    }
}
