package dev.partnerhub.operator.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The modules' layering (DESIGN.md, module layout), read from the compiled classes: the operator reaches the
 * providers only through the SPI (the vendors' modules are found with ServiceLoader), the desired state knows
 * nothing of the operator, and no provider knows Kubernetes.
 */
class LayeringTest {

    private static final String[] VENDORS = {"dev.partnerhub.providers.webex..",
        "dev.partnerhub.providers.partnercenter..", "dev.partnerhub.sandbox.."};

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.partnerhub");
        // The rules below pass vacuously on an empty import: each module's classes must be there.
        assertThat(main.stream().map(c -> c.getPackageName())).anyMatch(p -> p.startsWith("dev.partnerhub.operator"))
                .anyMatch(p -> p.startsWith("dev.partnerhub.desired"))
                .anyMatch(p -> p.startsWith("dev.partnerhub.providers.webex"))
                .anyMatch(p -> p.startsWith("dev.partnerhub.providers.partnercenter"))
                .anyMatch(p -> p.startsWith("dev.partnerhub.providers.spi"));
    }

    @Test
    void theOperatorUsesNoVendorModule() {
        ArchRule rule = noClasses().that().resideInAPackage("dev.partnerhub.operator..").should()
                .dependOnClassesThat().resideInAnyPackage(VENDORS)
                .because("the operator reaches a provider only through providers/spi (ServiceLoader)");
        rule.check(main);
    }

    @Test
    void theDesiredStateKnowsNeitherTheOperatorNorAVendor() {
        noClasses().that().resideInAPackage("dev.partnerhub.desired..").should().dependOnClassesThat()
                .resideInAnyPackage(concat("dev.partnerhub.operator..", "io.javaoperatorsdk.."))
                .because("desired/ computes what should be from the resources and the SPI's data only")
                .check(main);
    }

    /**
     * The desired state is pure: it reads the provider's data (its Capabilities and their Catalogue, remote objects,
     * connection settings) and never holds what calls the provider: the Provider and its parts (Users, People,
     * Licensing, ...) are the spi package's own classes, beside its data packages.
     */
    @Test
    void theDesiredStateTakesTheProvidersDataAndNeverItsCalls() {
        noClasses().that().resideInAPackage("dev.partnerhub.desired..").should().dependOnClassesThat(
                DescribedPredicate.describe("the provider's calls (providers.spi)",
                        c -> c.getPackageName().equals("dev.partnerhub.providers.spi")
                                && !c.getSimpleName().equals("ConnectionSettings")))
                .because("desired/ computes what should be from data, so that it is tested without a provider")
                .check(main);
    }

    @Test
    void noProviderKnowsKubernetesOrTheOperator() {
        noClasses().that().resideInAPackage("dev.partnerhub.providers..").should().dependOnClassesThat()
                .resideInAnyPackage("io.fabric8.kubernetes..", "io.javaoperatorsdk..", "dev.partnerhub.api..",
                        "dev.partnerhub.desired..", "dev.partnerhub.operator..")
                .because("a provider speaks its vendor's API and the SPI's types, nothing of Kubernetes")
                .check(main);
    }

    @Test
    void vendorsDoNotUseEachOther() {
        noClasses().that().resideInAPackage("dev.partnerhub.providers.webex..").should().dependOnClassesThat()
                .resideInAPackage("dev.partnerhub.providers.partnercenter..").check(main);
        noClasses().that().resideInAPackage("dev.partnerhub.providers.partnercenter..").should()
                .dependOnClassesThat().resideInAPackage("dev.partnerhub.providers.webex..").check(main);
    }

    private static String[] concat(String... first) {
        String[] all = new String[first.length + VENDORS.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(VENDORS, 0, all, first.length, VENDORS.length);
        return all;
    }
}
