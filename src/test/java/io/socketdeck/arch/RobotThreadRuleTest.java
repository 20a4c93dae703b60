package io.socketdeck.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.Collection;
import java.util.Set;
import java.util.function.Predicate;
import javafx.scene.Node;
import org.hamcrest.Matcher;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobotInterface;

/**
 * The UI tests' own rule: TestFX finds and measures nodes on the calling thread, the test's, and a
 * pulse changing the scene graph meanwhile makes the walk or the bounds cache fail now and then
 * (an {@code IndexOutOfBoundsException} in {@code Parent.lookupAll} or
 * {@code Parent.updateCachedBounds}; both failed clean-clone CI runs). So a test finds nodes through
 * {@code FxTesting.lookup} and clicks or points through {@code FxTesting.click}/{@code pointOf},
 * which do that on the FX thread; the robot is called directly only with a point already measured
 * there, keys and text. Checked here so that a new test cannot bring the race back.
 */
class RobotThreadRuleTest {

    /** The robot's methods that locate a node by query, node or matcher on the calling thread. */
    private static final Set<String> LOCATING = Set.of("lookup", "from", "fromAll", "point", "clickOn",
            "doubleClickOn", "rightClickOn", "moveTo", "drag", "dropTo");

    /** The parameter types by which those methods are told which node. */
    private static final Set<Class<?>> LOCATORS = Set.of(String.class, Node.class, Predicate.class,
            Matcher.class, Collection.class);

    private static final JavaClasses TESTS = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
            .importPackages("io.socketdeck");

    private static final DescribedPredicate<JavaMethodCall> LOCATES_ON_THE_CALLING_THREAD =
            DescribedPredicate.describe("a TestFX robot method that finds a node on the calling thread",
                    call -> call.getTargetOwner().isAssignableTo(FxRobotInterface.class)
                            && LOCATING.contains(call.getName())
                            && call.getTarget().getRawParameterTypes().stream().anyMatch(RobotThreadRuleTest::isLocator));

    private static boolean isLocator(JavaClass type) {
        return LOCATORS.stream().anyMatch(locator -> type.isEquivalentTo(locator)
                || (type.isArray() && type.getComponentType().isEquivalentTo(locator)));
    }

    @Test
    void testsFindAndMeasureNodesOnTheFxThread() {
        noClasses().that().doNotHaveFullyQualifiedName("io.socketdeck.ui.fx.FxTesting")
                .should().callMethodWhere(LOCATES_ON_THE_CALLING_THREAD)
                .because("TestFX walks and measures the scene graph on the calling thread, racing the"
                        + " pulses; use FxTesting.lookup, click, doubleClick or pointOf")
                .check(TESTS);
    }
}
