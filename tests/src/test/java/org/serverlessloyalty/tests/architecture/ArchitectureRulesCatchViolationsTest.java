package org.serverlessloyalty.tests.architecture;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Each rule of {@link ArchitectureRules} fails on code that breaks it and only there: the fixture package holds
 * two domains the rules were never told about, a platform and a function module (see its package-info).
 */
class ArchitectureRulesCatchViolationsTest {

    private static final String FIXTURE = "org.serverlessloyalty.tests.architecture.fixture";
    private static final ArchitectureRules RULES = new ArchitectureRules(FIXTURE);
    private static JavaClasses fixture;

    @BeforeAll
    static void importFixture() {
        fixture = new ClassFileImporter().importPackages(FIXTURE);
    }

    private static List<String> violations(ArchRule rule) {
        assertThatThrownBy(() -> rule.check(fixture)).isInstanceOf(AssertionError.class);
        return rule.evaluate(fixture).getFailureReport().getDetails();
    }

    @Test
    void aDomainLayerUsingTheAwsSdkOrAnAdapterPackageIsCaught() {
        assertThat(violations(RULES.domainLayersUseNoAwsSdkAndNoAdapter()))
                .anyMatch(v -> v.contains("LeakyWidget") && v.contains("software.amazon.awssdk"))
                .anyMatch(v -> v.contains("WidgetService") && v.contains("WidgetKeys"))
                .noneMatch(v -> v.contains("model.Widget.") || v.contains("<" + FIXTURE + ".shared.widget.model.Widget>"));
    }

    @Test
    void platformCodeKnowingADomainIsCaught() {
        assertThat(violations(RULES.platformKnowsNoDomain()))
                .isNotEmpty()
                .allMatch(v -> v.contains("Labels") && v.contains("widget.model.Widget"))
                .noneMatch(v -> v.contains("Trim"));
    }

    @Test
    void anAdapterUsingAnotherDomainsRepositoryIsCaughtButItsKeysAreNot() {
        assertThat(violations(RULES.adaptersUseOtherDomainsAdaptersOnlyThroughTheirKeys()))
                .isNotEmpty()
                .allMatch(v -> v.contains("DynamoDbWidgetRepository") && v.contains("DynamoDbGadgetRepository"))
                .noneMatch(v -> v.contains("GadgetKeys"));
    }

    @Test
    void aFunctionBuildingAdaptersOutsideItsNoArgConstructorAndWiringIsCaught() {
        List<String> violations = violations(RULES.functionsBuildAdaptersOnlyInTheirNoArgConstructor());
        assertThat(violations)
                .anyMatch(v -> v.contains("ShopHandler.handleRequest") && v.contains("DynamoDbGadgetRepository.<init>"))
                .anyMatch(v -> v.contains("ShopHandler.rebuild") && v.contains("DynamoDbClient.create"))
                .anyMatch(v -> v.contains("ShopHelper.client") && v.contains("DynamoDbClient.create"))
                // The no-arg constructor, the wiring only it calls (two levels) and the lambda written there are fine.
                .noneMatch(v -> v.contains("ShopHandler.<init>") || v.contains("ShopHandler.wire")
                        || v.contains("ShopHandler.client"));
        assertThat(violations).hasSize(4);
    }
}
