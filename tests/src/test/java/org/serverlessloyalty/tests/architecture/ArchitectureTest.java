package org.serverlessloyalty.tests.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The layout's rules on the project's own classes: every module's main code (shared-model, each function, the
 * local stack), as this module's classpath has them; test code is left out.
 */
class ArchitectureTest {

    private static final ArchitectureRules RULES = new ArchitectureRules("org.serverlessloyalty");
    private static JavaClasses production;

    @BeforeAll
    static void importProductionClasses() {
        production = new ClassFileImporter()
                // Test classes: this module's, and shared-model's test-jar (fakes and tests live in domain packages).
                .withImportOption(location -> !location.contains("/test-classes/") && !location.contains("-tests.jar"))
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.serverlessloyalty");
    }

    @Test
    void everyModuleIsImported() {
        // A rule over nothing holds trivially: make sure each kind of code is there.
        assertThat(production.containPackage("org.serverlessloyalty.shared.order.service")).isTrue();
        assertThat(production.containPackage("org.serverlessloyalty.shared.platform.dynamodb")).isTrue();
        assertThat(production.containPackage("org.serverlessloyalty.orders.consumer")).isTrue();
        assertThat(production.containPackage("org.serverlessloyalty.admin")).isTrue();
        assertThat(production.containPackage("org.serverlessloyalty.giftcode.validate")).isTrue();
        assertThat(production.containPackage("org.serverlessloyalty.webhooks")).isTrue();
        assertThat(production.stream().map(c -> c.getName())).doesNotContain(
                "org.serverlessloyalty.shared.order.service.OrderApplicationTest",
                "org.serverlessloyalty.shared.fakes.InMemoryOrderRepository");
    }

    @Test
    void domainLayersUseNoAwsSdkAndNoAdapter() {
        RULES.domainLayersUseNoAwsSdkAndNoAdapter().check(production);
    }

    @Test
    void platformKnowsNoDomain() {
        RULES.platformKnowsNoDomain().check(production);
    }

    @Test
    void adaptersUseOtherDomainsAdaptersOnlyThroughTheirKeys() {
        RULES.adaptersUseOtherDomainsAdaptersOnlyThroughTheirKeys().check(production);
    }

    @Test
    void functionsBuildAdaptersOnlyInTheirNoArgConstructor() {
        RULES.functionsBuildAdaptersOnlyInTheirNoArgConstructor().check(production);
    }
}
