package dev.partnerhub.cli.docs;

import java.util.List;

/**
 * One {@code $ } command of a guide's fenced block, with the lines printed after it (up to the next command or the
 * fence) as its documented output.
 *
 * @param guide the guide's path from the project's root ({@code README.md}, {@code docs/api.md})
 * @param line the command's line number in the guide, from 1
 * @param block the index of its fenced block in the guide, from 0
 */
record DocCommand(String guide, int line, int block, String command, List<String> output) {

    /** Where a reader finds it: {@code docs/api.md:42}. */
    String where() {
        return guide + ":" + line;
    }

    /** The guide's name without its folder and extension, as its doc-files are filed: {@code api}, {@code README}. */
    String guideName() {
        String file = guide.substring(guide.lastIndexOf('/') + 1);
        return file.substring(0, file.length() - ".md".length());
    }
}
