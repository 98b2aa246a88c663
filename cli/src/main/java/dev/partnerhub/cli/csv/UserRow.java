package dev.partnerhub.cli.csv;

import java.util.Map;

/**
 * One user of a CSV file, read and checked.
 *
 * @param fields    the value of each of the user's own columns the file has (an empty cell is "", which clears
 *                  the field); a column the file lacks is absent and leaves the field as the manifest has it
 * @param packageId the package whose column is TRUE; null when the file has no package columns or for a deletion
 * @param delete    every package column is FALSE: the portal's way to delete the user
 * @param licences  TRUE or FALSE for each licence column with a value
 */
public record UserRow(int line, String email, Map<Column.Kind, String> fields, String packageId, boolean delete,
        Map<String, Boolean> licences) {
}
