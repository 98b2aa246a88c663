package dev.partnerhub.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** Every command's --help ends with at least one example of its own, as kubectl's do. */
class HubctlHelpTest {

    @Test
    void everyCommandHasAnExampleOfItself() {
        List<String> missing = new ArrayList<>();
        List<CommandLine> commands = new ArrayList<>(List.of(Hubctl.commandLine()));
        int seen = 0;
        while (!commands.isEmpty()) {
            CommandLine command = commands.remove(0);
            seen++;
            commands.addAll(command.getSubcommands().values().stream().distinct().toList());
            String path = command.getCommandSpec().qualifiedName(" ");
            String help = command.getUsageMessage();
            String examples = help.contains("Examples:") ? help.substring(help.indexOf("Examples:")) : "";
            String invocation = "./" + path;
            if (!examples.contains(invocation)) {
                missing.add(path);
            }
        }
        assertThat(seen).as("commands walked").isGreaterThan(20);
        assertThat(missing).as("commands whose --help shows no example of themselves").isEmpty();
    }
}
