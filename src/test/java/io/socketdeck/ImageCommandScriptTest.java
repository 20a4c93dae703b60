package io.socketdeck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * packaging/linux/app/socketdeck, the app image's quick command line, run in a stand-in image: a
 * SocketDeck.cfg as jpackage writes it, this JDK as the runtime, and a link to the script as
 * /usr/bin/socketdeck is one. The real image is built by `mvn -Ppackage package`, not here.
 */
class ImageCommandScriptTest {

    private static final Path SCRIPT = Path.of("packaging", "linux", "app", "socketdeck");

    @TempDir
    static Path image;

    private static Path command;

    @BeforeAll
    static void standInImage() throws IOException {
        assumeTrue(new File("/bin/sh").canExecute(), "no /bin/sh: the script is for Linux");
        Path app = Files.createDirectories(image.resolve("lib/app"));
        Path script = Files.copy(SCRIPT, app.resolve("socketdeck"), StandardCopyOption.COPY_ATTRIBUTES);
        assertTrue(Files.isExecutable(script), SCRIPT + " must be executable (git keeps the bit)");
        Files.createDirectories(image.resolve("lib/runtime/bin"));
        Files.createSymbolicLink(image.resolve("lib/runtime/bin/java"),
                Path.of(System.getProperty("java.home"), "bin", "java"));
        // The app's classes only through $APPDIR, so the main class loads only if the script expands it.
        Files.createSymbolicLink(app.resolve("classes"), Path.of("target/classes").toAbsolutePath());
        List<String> cfg = new ArrayList<>(List.of("[Application]", "app.classpath=$APPDIR/classes",
                "app.mainclass=io.socketdeck.Launcher"));
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            if (entry.endsWith(".jar")) {
                cfg.add("app.classpath=" + entry);
            }
        }
        // $APPDIR inside a value too, as in -XX:SharedArchiveFile=$APPDIR/socketdeck.jsa (image.args).
        cfg.addAll(List.of("", "[JavaOptions]", "java-options=-Xmx77m", "java-options=-XX:+PrintCommandLineFlags",
                "java-options=-XX:ErrorFile=$APPDIR/crash-$APPDIR.log"));
        Files.write(app.resolve("SocketDeck.cfg"), cfg);
        command = Files.createSymbolicLink(image.resolve("socketdeck"), script);
    }

    @Test
    void startsTheConfiguredJvmWithTheConfiguredOptionsAndMainClass() throws Exception {
        Run run = run("--version");
        assertEquals(0, run.status, run.toString());
        assertTrue(run.out.contains("-XX:MaxHeapSize=80740352"), "the cfg's -Xmx77m: " + run);
        String app = image.resolve("lib/app").toRealPath().toString();
        assertTrue(run.out.contains("-XX:ErrorFile=" + app + "/crash-" + app + ".log"),
                "$APPDIR replaced inside a value, each time: " + run);
        assertTrue(run.out.contains("socketdeck "), "the Launcher's version: " + run);
    }

    @Test
    void passesEachArgumentAsItIsAndReturnsTheExitStatus() throws Exception {
        Run run = run("two  spaces \"and\" $HOME");
        assertEquals(2, run.status, run.toString());
        assertTrue(run.err.contains("'two  spaces \"and\" $HOME'"), "one argument, untouched: " + run);
    }

    private static Run run(String... args) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(command.toString()));
        line.addAll(List.of(args));
        Path out = Files.createTempFile(image, "out", ".txt");
        Path err = Files.createTempFile(image, "err", ".txt");
        Process process = new ProcessBuilder(line).redirectInput(new File("/dev/null"))
                .redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "the script ended");
        return new Run(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private record Run(int status, String out, String err) {
    }
}
