package dev.partnerhub.e2e.kube;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Starts one {@link ControlPlane} per test class and stops it after the class; skips where binaries are missing. When a
 * test fails, the API server's errors are printed beside it: a CI run keeps its output, not its working directory.
 */
public final class RealKubernetesExtension
        implements ExecutionCondition, BeforeAllCallback, ParameterResolver, TestExecutionExceptionHandler {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(RealKubernetesExtension.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return ControlPlane.missingBinaries().map(ConditionEvaluationResult::disabled)
                .orElse(ConditionEvaluationResult.enabled("Kubernetes binaries in " + ControlPlane.binaries()));
    }

    @Override
    public void beforeAll(ExtensionContext context) {
        controlPlane(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == ControlPlane.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return controlPlane(context);
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        System.out.println("[real-api] " + context.getDisplayName() + " failed; the API server's errors:");
        controlPlane(context).apiServerErrors().forEach(line -> System.out.println("[real-api]   " + line));
        throw failure;
    }

    private static ControlPlane controlPlane(ExtensionContext context) {
        ExtensionContext classContext = context.getTestClass().isPresent() && context.getTestMethod().isPresent()
                ? context.getParent().orElseThrow() : context;
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent("controlPlane", key -> start(classContext),
                Running.class).plane();
    }

    private static Running start(ExtensionContext context) {
        try {
            Path work = Path.of("target", "real-kube", context.getRequiredTestClass().getSimpleName())
                    .toAbsolutePath();
            if (Files.exists(work)) {
                try (var files = Files.walk(work)) {
                    files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
            }
            return new Running(ControlPlane.start(work));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Closed by JUnit when the class's store goes. */
    private record Running(ControlPlane plane) implements ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            plane.close();
        }
    }
}
