package io.socketdeck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * `mvn javafx:run`, bin/socketdeck, the benchmarks and the packaged app's launcher (jpackage in the
 * pom's package profile) start the app with the same JVM options.
 */
class LaunchOptionsTest {

    /**
     * IgnoreUnrecognizedVMOptions lets an older JDK 17 start without the newer options; it would
     * also hide a typo. This JDK knows every option: without it, they all start a JVM.
     */
    @Test
    void thisJdkKnowsEveryOption() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        windowOptions().stream().filter(o -> !o.equals("-XX:+IgnoreUnrecognizedVMOptions")).forEach(command::add);
        command.add("-version");
        Process jvm = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(jvm.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertEquals(0, jvm.waitFor(), output);
    }

    private static List<String> windowOptions() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        String plugin = pom.substring(pom.indexOf("<artifactId>javafx-maven-plugin</artifactId>"));
        String options = plugin.substring(plugin.indexOf("<options>"), plugin.indexOf("</options>"));
        List<String> fromPom = new ArrayList<>();
        Matcher option = Pattern.compile("<option>([^<]+)</option>").matcher(options);
        while (option.find()) {
            fromPom.add(option.group(1));
        }
        return fromPom;
    }

    @Test
    void thePomAndTheLauncherScriptAgree() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        List<String> fromPom = windowOptions();
        String script = Files.readString(Path.of("bin", "socketdeck")).replace("\\\n", " ");
        Matcher exec = Pattern.compile("exec \"\\$\\{JAVA:-java}\"([^$]+)\\$SOCKETDECK_JAVA_OPTS").matcher(script);
        assertTrue(exec.find(), "the script's exec line");
        List<String> fromScript = Arrays.stream(exec.group(1).trim().split("\\s+")).toList();
        assertTrue(fromPom.contains("-XX:+UseG1GC") && fromPom.contains("-XX:MaxGCPauseMillis=10"), fromPom.toString());
        assertEquals(fromPom, fromScript);
        // The benchmarks measure the window as it runs: with the same options.
        String bench = pom.substring(pom.indexOf("<id>benchmarks</id>"));
        String arguments = bench.substring(bench.indexOf("<arguments>"), bench.indexOf("</arguments>"));
        List<String> fromBench = new ArrayList<>();
        Matcher argument = Pattern.compile("<argument>(-X[^<]+)</argument>").matcher(arguments);
        while (argument.find()) {
            fromBench.add(argument.group(1));
        }
        assertEquals(fromPom, fromBench);
        // The installed app runs with them too: each is one --java-options of the app image's jpackage.
        String image = pom.substring(pom.indexOf("<id>package-image</id>"));
        String imageArguments = image.substring(image.indexOf("<arguments>"), image.indexOf("</arguments>"));
        List<String> fromImage = new ArrayList<>();
        Matcher javaOption = Pattern.compile(
                "<argument>--java-options</argument>\\s*<argument>([^<]+)</argument>").matcher(imageArguments);
        while (javaOption.find()) {
            fromImage.add(javaOption.group(1));
        }
        assertEquals(fromPom, fromImage);
    }
}
