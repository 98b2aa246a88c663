package dev.partnerhub.e2e.kube;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Runs a test class against its own real Kubernetes control plane ({@link ControlPlane}), injected into
 * {@code @BeforeAll}, {@code @Test} and {@code @AfterAll} methods that declare a {@link ControlPlane} parameter. Where
 * the binaries of {@code ../shared/tools/real-kube/build.sh} are absent, the class is skipped with the reason.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Tag(RealKubernetes.TAG)
@ExtendWith(RealKubernetesExtension.class)
public @interface RealKubernetes {

    /** The tag of every real-API test; {@link RealApiSummary} counts them. */
    String TAG = "real-api";
}
