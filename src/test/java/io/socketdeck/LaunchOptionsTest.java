package io.socketdeck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * `mvn javafx:run`, bin/socketdeck, the benchmarks and the packaged app's launcher (jpackage in the
 * pom's package profile) start the app with the same JVM options, the collector's three slots
 * ({@code gc.collector}, {@code gc.tuning}, {@code gc.at.rest}) filled alike: G1's, or on JDK 24
 * and later ZGC's (the pom's profile zgc, the script's {@code collector}).
 */
class LaunchOptionsTest {

    private static final List<String> SLOTS = List.of("gc.collector", "gc.tuning", "gc.at.rest");
    private static final int ZGC_FROM = 24;
    private static final String POM = read(Path.of("pom.xml"));
    private static final String SCRIPT = read(Path.of("bin", "socketdeck"));

    /**
     * IgnoreUnrecognizedVMOptions lets an older JDK 17 start without the newer options; it would
     * also hide a typo. This JDK knows every option: without it, they all start a JVM.
     */
    @Test
    void thisJdkKnowsEveryOption() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(thisJava());
        resolved(windowOptions(), Runtime.version().feature()).stream()
                .filter(o -> !o.equals("-XX:+IgnoreUnrecognizedVMOptions")).forEach(command::add);
        command.add("-version");
        assertEquals(0, run(command).exitCode(), String.join(" ", command));
    }

    @Test
    void thePomAndTheLauncherScriptAgree() throws IOException, InterruptedException {
        List<String> fromPom = windowOptions();
        String script = SCRIPT.replace("\\\n", " ");
        Matcher exec = Pattern.compile("exec \"\\$\\{JAVA:-java}\"(.+?)\\$SOCKETDECK_JAVA_OPTS").matcher(script);
        assertTrue(exec.find(), "the script's exec line");
        List<String> fromScript = new ArrayList<>();
        for (String word : exec.group(1).trim().split("\\s+")) {
            if (word.equals("$gc")) {
                fromScript.addAll(scriptCollector(thisJava()));
            } else {
                fromScript.add(word);
            }
        }
        List<String> forThisJdk = resolved(fromPom, Runtime.version().feature());
        assertTrue(forThisJdk.contains(Runtime.version().feature() >= ZGC_FROM ? "-XX:+UseZGC" : "-XX:+UseG1GC")
                && forThisJdk.contains("-XX:MaxGCPauseMillis=10"), forThisJdk.toString());
        assertEquals(forThisJdk, fromScript);
        // The benchmarks measure the window as it runs: with the same options.
        String bench = section(section(POM, "<id>benchmarks</id>", "</execution>"), "<arguments>", "</arguments>");
        assertEquals(fromPom, groups("<argument>((?:-X|\\$\\{gc\\.)[^<]+)</argument>", bench));
        // The installed app runs with them too: each is one --java-options of the app image's jpackage.
        String image = section(section(POM, "<id>package-image</id>", "</execution>"), "<arguments>", "</arguments>");
        assertEquals(fromPom, groups("<argument>--java-options</argument>\\s*<argument>([^<]+)</argument>", image));
    }

    /**
     * Every JVM the build starts for the app (the class-data-sharing trainings and dumps, whose
     * archives serve only the collector they were made with) and every launch names its collector
     * through the slot, none by hand.
     */
    @Test
    void thePomNamesTheCollectorOnlyThroughItsSlot() {
        String build = POM.substring(0, POM.indexOf("<profiles>")) + POM.substring(POM.indexOf("<id>benchmarks</id>"));
        Matcher literal = Pattern.compile("<(?:argument|option)>-XX:\\+Use\\w+GC</").matcher(build);
        if (literal.find()) {
            fail("a collector named by hand: " + literal.group());
        }
        for (String execution : List.of("cds-training", "cds-archive", "cds-cli-training", "cds-cli-archive",
                "package-image-archive")) {
            String steps = section(POM, "<id>" + execution + "</id>", "</execution>");
            assertTrue(steps.contains("<argument>${gc.collector}</argument>"), execution);
        }
    }

    /** The script reads the JDK's release file: the same rule as the pom's profile for 17, 21, 24 and 25. */
    @Test
    void theScriptPicksTheCollectorByTheJdksRelease(@TempDir Path jdks) throws IOException, InterruptedException {
        for (int feature : new int[] {17, 21, 24, 25}) {
            Path java = fakeJdk(jdks.resolve("jdk-" + feature), "JAVA_VERSION=\"" + feature + ".0.2\"");
            assertEquals(resolved(slots(), feature), scriptCollector(java.toString()), "JDK " + feature);
        }
        Path noRelease = fakeJdk(jdks.resolve("unknown"), null);
        assertEquals(resolved(slots(), 17),
                scriptCollector(noRelease.toString()), "a JDK without a release file gets G1");
    }

    /** The collector's slots as the pom's lists name them. */
    private static List<String> slots() {
        return SLOTS.stream().map(slot -> "${" + slot + "}").toList();
    }

    private static List<String> windowOptions() {
        return groups("<option>([^<]+)</option>", section(POM, "<artifactId>javafx-maven-plugin</artifactId>", "</options>"));
    }

    /** {@code text} from the first {@code from} on up to the next {@code to}. */
    private static String section(String text, String from, String to) {
        String rest = text.substring(text.indexOf(from));
        return rest.substring(0, rest.indexOf(to));
    }

    /** The first group of each match of {@code regex} in {@code text}, in order. */
    private static List<String> groups(String regex, String text) {
        List<String> found = new ArrayList<>();
        Matcher match = Pattern.compile(regex).matcher(text);
        while (match.find()) {
            found.add(match.group(1));
        }
        return found;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code options} with the collector's slots filled as Maven fills them on a JDK of {@code feature}. */
    private static List<String> resolved(List<String> options, int feature) {
        String defaults = section(POM, "<properties>", "</properties>");
        String zgc = section(POM, "<id>zgc</id>", "</profile>");
        assertTrue(zgc.contains("<jdk>[" + ZGC_FROM + ",)</jdk>"), "profile zgc is active from JDK " + ZGC_FROM);
        String source = feature >= ZGC_FROM ? zgc : defaults;
        List<String> filled = new ArrayList<>();
        for (String option : options) {
            Matcher slot = Pattern.compile("\\$\\{([a-z.]+)}").matcher(option);
            if (slot.matches()) {
                Matcher value = Pattern.compile("<" + Pattern.quote(slot.group(1)) + ">([^<]+)</").matcher(source);
                assertTrue(value.find(), slot.group(1) + " for JDK " + feature);
                filled.add(value.group(1));
            } else {
                filled.add(option);
            }
        }
        return filled;
    }

    /** What the script's own {@code collector} function answers for {@code java}, run by sh. */
    private static List<String> scriptCollector(String java) throws IOException, InterruptedException {
        Matcher function = Pattern.compile("(?ms)^collector\\(\\) \\{$.*?^}$").matcher(SCRIPT);
        assertTrue(function.find(), "the script's collector function");
        Result result = run(List.of("sh", "-c", function.group() + "\ncollector \"$1\"", "sh", java));
        assertEquals(0, result.exitCode(), result.output());
        return Arrays.asList(result.output().trim().split("\\s+"));
    }

    /** A directory laid out as a JDK: an executable bin/java and, unless null, a release file with {@code release}. */
    private static Path fakeJdk(Path home, String release) throws IOException {
        Path java = home.resolve("bin").resolve("java");
        Files.createDirectories(java.getParent());
        Files.writeString(java, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(java, PosixFilePermissions.fromString("rwxr-xr-x"));
        if (release != null) {
            Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"Test\"\n" + release + "\n");
        }
        return java;
    }

    private static String thisJava() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private record Result(int exitCode, String output) {
    }

    private static Result run(List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(Map.of("LC_ALL", "C"));
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
        return new Result(process.exitValue(), output);
    }
}
