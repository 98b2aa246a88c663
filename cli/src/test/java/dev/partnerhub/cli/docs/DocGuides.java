package dev.partnerhub.cli.docs;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** Reads every {@code $ } command of README.md and docs/*.md, guide by guide, in document order. */
final class DocGuides {

    private static final String PROMPT = "$ ";
    private static final String FENCE = "```";

    private DocGuides() {
    }

    /** The guides that hold at least one command, README.md first, then docs/ by name; each its commands in order. */
    static Map<String, List<DocCommand>> read(Path root) {
        Map<String, List<DocCommand>> guides = new LinkedHashMap<>();
        for (Path file : files(root)) {
            String guide = root.relativize(file).toString().replace('\\', '/');
            List<DocCommand> commands = commands(guide, lines(file));
            if (!commands.isEmpty()) {
                guides.put(guide, commands);
            }
        }
        return guides;
    }

    /** The commands of one guide's text: a command's output runs to the next command or the end of its block. */
    static List<DocCommand> commands(String guide, List<String> lines) {
        List<DocCommand> commands = new ArrayList<>();
        boolean fenced = false;
        int block = -1;
        int commandLine = 0;
        String command = null;
        List<String> output = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            boolean fence = line.startsWith(FENCE);
            boolean prompt = fenced && line.startsWith(PROMPT);
            if (command != null && (fence || prompt)) {
                commands.add(new DocCommand(guide, commandLine, block, command, withoutTrailingBlanks(output)));
                command = null;
            }
            if (fence) {
                fenced = !fenced;
                block += fenced ? 1 : 0;
            } else if (prompt) {
                command = line.substring(PROMPT.length());
                commandLine = i + 1;
                output = new ArrayList<>();
            } else if (command != null) {
                output.add(line);
            }
        }
        return commands;
    }

    static List<String> withoutTrailingBlanks(List<String> lines) {
        int end = lines.size();
        while (end > 0 && lines.get(end - 1).isBlank()) {
            end--;
        }
        return List.copyOf(lines.subList(0, end));
    }

    private static List<Path> files(Path root) {
        List<Path> files = new ArrayList<>(List.of(root.resolve("README.md")));
        try (Stream<Path> docs = Files.list(root.resolve("docs"))) {
            docs.filter(p -> p.toString().endsWith(".md")).sorted().forEach(files::add);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return files;
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
