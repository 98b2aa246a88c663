package dev.partnerhub.cli;

import dev.partnerhub.cli.bench.BenchCommand;
import dev.partnerhub.cli.csv.CsvCommand;
import dev.partnerhub.cli.plan.AdoptCommand;
import dev.partnerhub.cli.plan.PlanCommand;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** hubctl: run the Partner Hub Operator locally and look at customers and users from the terminal. */
@Command(name = "hubctl", mixinStandardHelpOptions = true,
        footerHeading = "%nExamples:%n", footer = {
            "  ./hubctl local                       the local mode: a cluster API, the local partner hub, the operator",
            "  ./hubctl status -A --exclude-provisioned"},
        versionProvider = Hubctl.Version.class,
        description = "Partner Hub Operator: customers, users and licences of partner portals as code.",
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:Done (plan: nothing would change).", "1:The command failed; its one line says why.",
            "2:plan only: something would change.", "64:The command line is wrong (an unknown or misspelt option, a "
                + "missing or bad value): see --help."},
        subcommands = {LocalCommand.class, StatusCommand.class, CsvCommand.class, PlanCommand.class,
            AdoptCommand.class, SandboxCommand.class, HubCommand.class, BenchCommand.class, CompletionCommand.class})
public final class Hubctl implements Runnable {

    /** Kept referenced: java.util.logging forgets the level of a logger nobody holds. */
    private static final Logger FABRIC8 = Logger.getLogger("io.fabric8");
    private static final Logger SANDBOX = Logger.getLogger("dev.partnerhub.sandbox");

    /** The exit code of a wrong command line (sysexits' EX_USAGE): never one a command gives, such as plan's 2. */
    public static final int USAGE = 64;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s: %5$s%6$s%n");
        // The client's "unstable version v1alpha1" warning is noise for a CLI user; real failures are SEVERE.
        FABRIC8.setLevel(Level.SEVERE);
        // The local mode prints its own summary; the hub only speaks up when something is wrong.
        SANDBOX.setLevel(Level.WARNING);
        System.exit(commandLine().execute(args));
    }

    /** hubctl's command line: one line for a failure, and {@link #USAGE} for a wrong command line. */
    public static CommandLine commandLine() {
        return new CommandLine(new Hubctl()).setExecutionExceptionHandler(Hubctl::report)
                .setParameterExceptionHandler(Hubctl::usageError);
    }

    /** What picocli prints for a wrong command line (the error, then suggestions or the usage), exiting USAGE. */
    static int usageError(CommandLine.ParameterException e, String[] args) {
        CommandLine command = e.getCommandLine();
        command.getErr().println(e.getMessage());
        if (!CommandLine.UnmatchedArgumentException.printSuggestions(e, command.getErr())) {
            command.usage(command.getErr(), command.getColorScheme());
        }
        return USAGE;
    }

    /** One line that says what went wrong, instead of a stack trace. */
    static int report(Exception e, CommandLine command, CommandLine.ParseResult parsed) {
        Throwable cause = e;
        while (cause.getCause() != null && cause.getMessage() == null) {
            cause = cause.getCause();
        }
        command.getErr().println("hubctl " + command.getCommandName() + ": " + cause.getMessage());
        return 1;
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Hubctl.class.getPackage().getImplementationVersion();
            return new String[] {"hubctl " + (version == null ? "development build" : version)};
        }
    }
}
