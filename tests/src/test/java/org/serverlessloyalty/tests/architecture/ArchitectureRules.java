package org.serverlessloyalty.tests.architecture;

import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaCall;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The layout's rules (docs/architecture.md, "Packages and the rules that hold them"), for the code under
 * {@code root}: {@code org.serverlessloyalty} for the project, a fixture package for the tests that show each rule
 * failing. Domains are not listed: a domain is any package {@code <root>.shared.<name>} other than
 * {@code platform}, so a new one (points, campaign) is held by the same rules without editing them; a function
 * module is any package {@code <root>.<family>} other than {@code shared}, {@code local} and {@code tests}.
 */
public final class ArchitectureRules {

    /** The layers of a domain that decide; only its {@code dynamodb} package writes. */
    static final Set<String> DOMAIN_LAYERS = Set.of("model", "rules", "service", "port", "json");

    private final String root;
    private final String shared;
    private final String platform;

    public ArchitectureRules(String root) {
        this.root = root;
        this.shared = root + ".shared";
        this.platform = shared + ".platform";
    }

    /** (a) Domain layers import neither the AWS SDK nor any {@code dynamodb} package (theirs or another's). */
    public ArchRule domainLayersUseNoAwsSdkAndNoAdapter() {
        return noClasses().that(areInADomainLayer())
                .should().dependOnClassesThat().resideInAnyPackage("software.amazon.awssdk..", "..dynamodb..")
                .because("decisions are pure domain code; writes are the adapter's (docs/architecture.md)");
    }

    /** (b) {@code platform} serves every domain and knows none of them. */
    public ArchRule platformKnowsNoDomain() {
        return noClasses().that().resideInAPackage(platform + "..")
                .should().dependOnClassesThat(resideInAPackage(shared + "..")
                        .and(DescribedPredicate.not(resideInAPackage(platform + ".."))).as("are in a domain"))
                .because("platform is what every domain uses, so a new domain never changes it");
    }

    /**
     * (c) A domain's adapter reaches another domain's adapter package only for its {@code *Keys} class or its
     * {@code *Writes} class: a transaction may write another domain's item (an order takes a gift-code use; a reward
     * purchase spends points and creates the coupon's gift code in the same transaction), so it needs that item's key
     * and attribute names, or the writes that domain publishes for such joint transactions; never that domain's
     * repository or mappers.
     */
    public ArchRule adaptersUseOtherDomainsAdaptersOnlyThroughTheirKeys() {
        return classes().that(areInADomainAdapter())
                .should(new ArchCondition<JavaClass>(
                        "use another domain's dynamodb package only through its *Keys or *Writes class") {
                    @Override
                    public void check(JavaClass adapter, ConditionEvents events) {
                        String own = domainOf(adapter.getPackageName()).orElseThrow();
                        for (Dependency d : adapter.getDirectDependenciesFromSelf()) {
                            JavaClass target = d.getTargetClass();
                            Optional<String> other = domainOf(target.getPackageName());
                            boolean otherAdapter = other.isPresent() && !other.get().equals(own)
                                    && isAdapterPackage(target.getPackageName());
                            if (otherAdapter && !topLevel(target).getSimpleName().endsWith("Keys")
                                    && !topLevel(target).getSimpleName().endsWith("Writes")) {
                                events.add(SimpleConditionEvent.violated(d, d.getDescription()));
                            }
                        }
                    }
                })
                .allowEmptyShould(true);
    }

    /**
     * (d) Function modules build adapters only where Lambda builds the handler: a class in a {@code dynamodb}
     * package is constructed, {@code platform.aws.AwsClients} is called and an SDK client's {@code builder()} or
     * {@code create()} is called only in a handler's public no-arg constructor, or in a private static method of the
     * handler (or of a class nested in it) that only such a constructor calls, directly or through another such
     * method. A lambda counts as the method it is written in. Everything else in a function gets its ports.
     */
    public ArchRule functionsBuildAdaptersOnlyInTheirNoArgConstructor() {
        return classes().that(areInAFunctionModule())
                .should(new ArchCondition<JavaClass>("build adapters only in a handler's no-arg constructor or its "
                        + "private static wiring") {
                    @Override
                    public void check(JavaClass c, ConditionEvents events) {
                        for (JavaCodeUnit unit : c.getCodeUnits()) {
                            for (JavaCall<?> call : unit.getCallsFromSelf()) {
                                if (buildsAnAdapter(call.getTarget()) && !isWiring(unit, new HashSet<>())) {
                                    events.add(SimpleConditionEvent.violated(call, call.getDescription()));
                                }
                            }
                        }
                    }
                })
                .allowEmptyShould(true);
    }

    public Set<ArchRule> all() {
        return Set.of(domainLayersUseNoAwsSdkAndNoAdapter(), platformKnowsNoDomain(),
                adaptersUseOtherDomainsAdaptersOnlyThroughTheirKeys(), functionsBuildAdaptersOnlyInTheirNoArgConstructor());
    }

    // ------------------------------------------------------------------ what the packages are

    /** The domain of a package under {@code <root>.shared}, if it is one (platform is none). */
    Optional<String> domainOf(String packageName) {
        if (!packageName.startsWith(shared + ".")) {
            return Optional.empty();
        }
        String rest = packageName.substring(shared.length() + 1);
        String domain = rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest;
        return domain.equals("platform") ? Optional.empty() : Optional.of(domain);
    }

    /** {@code <root>.shared.<domain>.<layer>[.…]}: the layer, if the package is in a domain. */
    private Optional<String> layerOf(String packageName) {
        return domainOf(packageName).map(domain -> packageName.substring(shared.length() + domain.length() + 2))
                .filter(rest -> !rest.isEmpty())
                .map(rest -> rest.contains(".") ? rest.substring(0, rest.indexOf('.')) : rest);
    }

    private boolean isAdapterPackage(String packageName) {
        return layerOf(packageName).filter("dynamodb"::equals).isPresent();
    }

    private DescribedPredicate<JavaClass> areInADomainLayer() {
        return DescribedPredicate.describe("are in a domain layer (" + String.join(", ", DOMAIN_LAYERS) + ")",
                c -> layerOf(c.getPackageName()).filter(DOMAIN_LAYERS::contains).isPresent());
    }

    private DescribedPredicate<JavaClass> areInADomainAdapter() {
        return DescribedPredicate.describe("are in a domain's dynamodb package", c -> isAdapterPackage(c.getPackageName()));
    }

    private DescribedPredicate<JavaClass> areInAFunctionModule() {
        return DescribedPredicate.describe("are in a function module", c -> {
            String p = c.getPackageName();
            if (!p.startsWith(root + ".")) {
                return false;
            }
            String family = p.substring(root.length() + 1).split("\\.")[0];
            return !Set.of("shared", "local", "tests").contains(family);
        });
    }

    // ------------------------------------------------------------------ adapters and wiring

    /** A constructor of an adapter class, any {@code AwsClients} method, an SDK client's builder or factory. */
    private boolean buildsAnAdapter(AccessTarget.CodeUnitCallTarget target) {
        JavaClass owner = target.getOwner();
        String p = owner.getPackageName();
        if (target instanceof AccessTarget.ConstructorCallTarget && p.startsWith(shared + ".")
                && (p.endsWith(".dynamodb") || p.contains(".dynamodb."))) {
            return true;
        }
        if (owner.getName().equals(platform + ".aws.AwsClients")) {
            return true;
        }
        return p.startsWith("software.amazon.awssdk.") && (target.getName().equals("builder") || target.getName().equals("create"))
                && owner.isAssignableTo("software.amazon.awssdk.core.SdkClient");
    }

    private static boolean isHandler(JavaClass c) {
        return c.isAssignableTo(RequestHandler.class) || c.isAssignableTo(RequestStreamHandler.class);
    }

    /** The handler class {@code c} is, or is nested in. */
    private static Optional<JavaClass> handlerOf(JavaClass c) {
        for (Optional<JavaClass> k = Optional.of(c); k.isPresent(); k = k.get().getEnclosingClass()) {
            if (isHandler(k.get())) {
                return k;
            }
        }
        return Optional.empty();
    }

    private static boolean isWiring(JavaCodeUnit unit, Set<JavaCodeUnit> seen) {
        if (!seen.add(unit)) {
            return false;
        }
        if (unit instanceof JavaConstructor ctor) {
            return isHandler(ctor.getOwner()) && ctor.getRawParameterTypes().isEmpty()
                    && ctor.getModifiers().contains(JavaModifier.PUBLIC);
        }
        if (unit instanceof JavaMethod method && method.getModifiers().contains(JavaModifier.PRIVATE)
                && method.getModifiers().contains(JavaModifier.STATIC) && handlerOf(method.getOwner()).isPresent()) {
            Set<JavaMethodCall> callers = method.getCallsOfSelf();
            return !callers.isEmpty() && callers.stream().allMatch(call -> isWiring(call.getOrigin(), new HashSet<>(seen)));
        }
        return false;
    }

    private static JavaClass topLevel(JavaClass c) {
        JavaClass k = c;
        while (k.getEnclosingClass().isPresent()) {
            k = k.getEnclosingClass().get();
        }
        return k;
    }
}
