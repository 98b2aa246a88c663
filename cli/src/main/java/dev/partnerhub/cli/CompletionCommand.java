package dev.partnerhub.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code hubctl completion bash|zsh}: the shell completion script of every command and option, from picocli. */
@Command(name = "completion", mixinStandardHelpOptions = true, description = "Prints the completion script for bash "
        + "or zsh (one script serves both: in zsh it loads bashcompinit).", footerHeading = "%nExamples:%n", footer = {
            "  source <(./hubctl completion bash)                      this shell",
            "  echo 'source <(/path/to/hubctl completion zsh)' >> ~/.zshrc   every new zsh"})
final class CompletionCommand implements Callable<Integer> {

    /** The shells the script serves. */
    enum Shell {
        bash, zsh
    }

    @Parameters(index = "0", description = "bash or zsh.")
    Shell shell;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().getOut().print(AutoComplete.bash("hubctl", spec.root().commandLine()));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
