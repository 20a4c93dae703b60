package io.socketdeck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The build's training run for the command line's class-data-sharing archive, as the pom runs it
 * (a child JVM listing the classes it loads): both sends reach their listeners, and the list holds
 * the command line's classes and no JavaFX one.
 */
class CdsTrainingTest {

    @Test
    void theTrainingSendsOverTcpAndUdpAndListsTheCommandLinesClasses(@TempDir Path dir) throws Exception {
        Path list = dir.resolve("cli.classlist");
        String printed;
        try (CliProcess training = CliProcess.startMain(null, List.of("-XX:DumpLoadedClassList=" + list),
                CdsTraining.class.getName())) {
            training.closeInput();
            int exit = training.awaitExit();
            printed = training.toString();
            assertEquals(0, exit, printed);
        }
        assertTrue(printed.lines().anyMatch(line -> line.contains("sent 127.0.0.1:") && line.contains("2 B hi")), printed);
        assertEquals(2, printed.lines().filter(line -> line.contains(" sent ")).count(), printed);

        List<String> classes = classesIn(list);
        for (String wanted : List.of("picocli/CommandLine", "io/socketdeck/cli/SendCommand",
                "io/socketdeck/core/tcp/TcpClientSession", "io/socketdeck/cli/EventPrinter")) {
            assertTrue(classes.contains(wanted), wanted + " listed");
        }
        assertFalse(classes.stream().anyMatch(name -> name.startsWith("javafx/")), "no JavaFX class");
    }

    /** The class names of a -XX:DumpLoadedClassList file (a line is a name, then options). */
    private static List<String> classesIn(Path list) throws IOException {
        return Files.readAllLines(list).stream().filter(line -> !line.startsWith("#") && !line.startsWith("@"))
                .map(line -> line.split(" ", 2)[0]).toList();
    }
}
