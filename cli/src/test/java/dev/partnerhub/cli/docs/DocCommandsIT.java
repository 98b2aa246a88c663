package dev.partnerhub.cli.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Every {@code $ } command of README.md and docs/ that the local mode can run does what its guide shows. Each guide
 * runs on a fresh local mode of its own, since the guides start from the same samples and change them (dana's
 * activation, bob's licences, globex's deletion): one guide's commands would see another's results. The commands the
 * local mode cannot run are excluded by a rule of {@link Exclusions}, with its reason; every other one is run. It is an
 * integration test (failsafe, after {@code package}): the guides' {@code ./hubctl} is the jar just built, never an
 * older one left in target/.
 *
 * <p>Most of a guide's time is spent waiting for the operator's next look at the hub (10 s for a pending user), so
 * the guides run {@value #AT_ONCE} at a time, each on its own ports.
 */
class DocCommandsIT {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Map<String, List<DocCommand>> GUIDES = DocGuides.read(ROOT);
    /** Each guide's work directory, kept after the run: its .local/operator.log is the evidence of a failure. */
    private static final Path WORK = ROOT.resolve("cli/target/doc-commands");
    private static final int AT_ONCE = 3;
    private static final ExecutorService GUIDE_RUNS = Executors.newFixedThreadPool(AT_ONCE);

    /** {@code -Ddocs.guide=docs/api.md,README.md} runs those guides only, while working on them. */
    @TestFactory
    Stream<DynamicTest> eachGuideRunsAsShown() {
        List<String> only = List.of(System.getProperty("docs.guide", "").split(","));
        List<Map.Entry<String, List<DocCommand>>> guides = GUIDES.entrySet().stream()
                .filter(g -> only.equals(List.of("")) || only.contains(g.getKey())).toList();
        List<Future<Void>> runs = guides.stream().map(g -> GUIDE_RUNS.submit(() -> {
            runGuide(g.getValue());
            return (Void) null;
        })).toList();
        return Stream.iterate(0, i -> i < guides.size(), i -> i + 1)
                .map(i -> DynamicTest.dynamicTest(guides.get(i).getKey(), () -> outcome(runs.get(i))));
    }

    @Test
    void everyExclusionRuleNamesACommandOfTheGuides() {
        List<Exclusions.Rule> unused = new ArrayList<>(Exclusions.RULES);
        GUIDES.values().forEach(commands -> commands.forEach(c -> Exclusions.ruleFor(c, commands)
                .ifPresent(unused::remove)));
        assertThat(unused).as("rules that exclude no command (the command changed or went: drop the rule)").isEmpty();
        long all = GUIDES.values().stream().mapToLong(List::size).sum();
        long excluded = GUIDES.values().stream().mapToLong(cs -> cs.stream()
                .filter(c -> Exclusions.ruleFor(c, cs).isPresent()).count()).sum();
        System.out.printf("%d commands in %d guides: %d run, %d excluded by %d rules%n", all, GUIDES.size(),
                all - excluded, excluded, Exclusions.RULES.size());
    }

    @Test
    void theGuidesAreRead() {
        assertThat(GUIDES).containsKeys("README.md", "docs/activation-flows.md", "docs/local-mode.md");
        assertThat(GUIDES.get("docs/local-mode.md")).extracting(DocCommand::line).containsExactly(21, 23, 27);
        assertThat(GUIDES.get("docs/local-mode.md").get(2).output()).hasSize(12).last().asString()
                .contains("hub. Orphan: the subscriber stays.");
    }

    @AfterAll
    static void stopRunning() {
        GUIDE_RUNS.shutdownNow();
    }

    private static void outcome(Future<Void> run) throws Throwable {
        try {
            run.get();
        } catch (ExecutionException e) {
            throw e.getCause();
        }
    }

    private static void runGuide(List<DocCommand> commands) throws Exception {
        List<DocCommand> toRun = commands.stream().filter(c -> Exclusions.ruleFor(c, commands).isEmpty()).toList();
        if (toRun.isEmpty()) {
            return;
        }
        DocCommand first = toRun.get(0);
        try (GuideRun run = GuideRun.start(ROOT, WORK.resolve(first.guideName()), first.guideName())) {
            for (int i = 0; i < toRun.size(); i++) {
                DocCommand next = i + 1 < toRun.size() ? toRun.get(i + 1) : null;
                try {
                    run.run(toRun.get(i), next);
                } catch (AssertionError | RuntimeException e) {
                    throw new AssertionError(e.getMessage() + "\n" + notRun(toRun.subList(i + 1, toRun.size())), e);
                }
            }
        }
    }

    private static String notRun(List<DocCommand> rest) {
        return rest.isEmpty() ? "" : rest.size() + " later commands of the guide not run, from " + rest.get(0).where();
    }
}
