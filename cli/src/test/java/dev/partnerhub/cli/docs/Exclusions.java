package dev.partnerhub.cli.docs;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The docs commands that the local mode cannot run, each with its reason: the one place to look for what
 * {@link DocCommandsIT} does not run. A command no rule names is run; a rule that names no command fails the test.
 */
final class Exclusions {

    /**
     * Excludes the commands of {@code guide} that match {@code command}, or, with {@code wholeBlock}, every command
     * of the fenced block whose first command matches it (a session on another machine, read as one).
     */
    record Rule(String guide, Pattern command, boolean wholeBlock, String reason) {

        boolean excludes(DocCommand candidate, DocCommand firstOfBlock) {
            DocCommand named = wholeBlock ? firstOfBlock : candidate;
            return guide.equals(candidate.guide()) && command.matcher(named.command()).find();
        }
    }

    static final List<Rule> RULES = List.of(
            command("README.md", "^\\./hubctl local$",
                    "starts the local mode and runs until Ctrl-C: the test starts the same environment itself"),
            command("docs/bulk-work.md", "^\\./hubctl bench csv-import ",
                    "a benchmark: its output is timings"),
            command("docs/capacity.md", "/real-kube/up\\.sh ",
                    "starts a real kube-apiserver"),
            command("docs/capacity.md", "^\\./hubctl bench operator ",
                    "a benchmark on a real kube-apiserver: its output is timings"),
            command("docs/capacity.md", "get customeruser stray ",
                    "needs a sharded operator (the Helm chart's shards), which the local mode does not run"),
            block("docs/running-on-a-cluster.md", "^mvn -B -Pimage,debian-base ",
                    "a real cluster: builds the image, starts a kube-apiserver and a node, helm install"),
            block("docs/running-on-a-cluster.md", "patch customeruser alice ",
                    "CEL rules (x-kubernetes-validations), which only a real kube-apiserver evaluates "
                            + "(docs/local-mode.md)"),
            command("docs/running-on-a-cluster.md", "^time kubectl delete namespace ",
                    "a namespace deleted by a real cluster's namespace controller, timed"));

    private Exclusions() {
    }

    /** Why the local mode cannot run {@code command} of {@code guide}, or empty when it runs. */
    static Optional<Rule> ruleFor(DocCommand command, List<DocCommand> guide) {
        DocCommand first = guide.stream().filter(c -> c.block() == command.block()).findFirst().orElseThrow();
        return RULES.stream().filter(r -> r.excludes(command, first)).findFirst();
    }

    private static Rule command(String guide, String command, String reason) {
        return new Rule(guide, Pattern.compile(command), false, reason);
    }

    private static Rule block(String guide, String firstCommand, String reason) {
        return new Rule(guide, Pattern.compile(firstCommand), true, reason);
    }
}
