package io.socketdeck.cli;

import static io.socketdeck.cli.EventLines.line;
import static io.socketdeck.cli.EventLines.matching;
import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How a {@code listen} ends and what it leaves: Ctrl+C with the summary (130), a count reached (0)
 * with its capture file complete, a port it cannot have (1), a rules file it cannot use (2).
 */
class ListenEndTest {

    @TempDir
    Path folder;

    private static int listeningPort(CliProcess cli) {
        return EventLines.listeningPort(cli.awaitLine(matching("listening", "127\\.0\\.0\\.1:\\d+"),
                "the listening line"));
    }

    private static Socket connect(int port, String text) throws IOException {
        Socket client = new Socket(InetAddress.getByName("127.0.0.1"), port);
        client.getOutputStream().write(text.getBytes(StandardCharsets.UTF_8));
        return client;
    }

    @Test
    void ctrlCPrintsTheSummarySoFarAndExits130() throws IOException {
        try (CliProcess cli = CliProcess.start("listen", "tcp", "--bind", "127.0.0.1", "0");
             Socket client = connect(listeningPort(cli), "ping")) {
            cli.closeInput();
            cli.awaitLine(line("received", "127.0.0.1:" + client.getLocalPort() + " 4 B ping"), "the client's ping");
            cli.interrupt();
            assertEquals(130, cli.awaitExit(), cli::toString);
            List<String> lines = cli.lines();
            assertTrue(line("summary", "clients 1 rx 4 B 1 messages tx 0 B 0 messages").test(lines.get(lines.size() - 1)),
                    cli::toString);
        }
    }

    @Test
    void theCaptureFileHoldsTheTrafficWhenACountEndsTheListen() throws IOException {
        Path capture = folder.resolve("traffic.log");
        try (CliProcess cli = CliProcess.start("listen", "tcp", "--bind", "127.0.0.1", "0", "--count", "1",
                "--echo", "--capture", capture.toString())) {
            cli.closeInput();
            try (Socket client = connect(listeningPort(cli), "captured\n")) {
                assertEquals(0, cli.awaitExit(), cli::toString);
                String peer = "127.0.0.1:" + client.getLocalPort();
                String log = Files.readString(capture);
                assertAll(() -> assertTrue(log.contains("\tRX\t" + peer + "\t9\tcaptured\\n"), log),
                        () -> assertTrue(log.contains("\tCONNECTED\t" + peer), log),
                        () -> assertTrue(cli.lines().get(cli.lines().size() - 1).contains(" summary clients 1 rx 9 B"),
                                cli::toString));
            }
        }
    }

    @Test
    void aPortInUseIsStatus1InTheWindowsWords() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 5, InetAddress.getByName("127.0.0.1"))) {
            CliProcess cli = CliProcess.run("listen", "tcp", "--bind", "127.0.0.1",
                    Integer.toString(taken.getLocalPort()));
            assertEquals(1, cli.exitCode(), cli::toString);
            assertTrue(cli.errors().startsWith("The port is already in use"), cli::toString);
        }
    }

    @Test
    void aRulesFileThatIsNotJsonIsStatus2() throws IOException {
        Path rules = Files.writeString(folder.resolve("rules.json"), "{ not json");
        CliProcess cli = CliProcess.run("listen", "udp", "--bind", "127.0.0.1", "0", "--rules", rules.toString());
        assertEquals(2, cli.exitCode(), cli::toString);
        assertTrue(cli.errors().startsWith("Could not import " + rules), cli::toString);
    }

    @Test
    void aRuleTheWindowWouldRefuseIsStatus2NamingIt() throws IOException {
        Path rules = Files.writeString(folder.resolve("rules.json"), """
                [{"name": "broken", "match": "REGEX", "pattern": "AT+(", "payload": "OK"}]""");
        CliProcess cli = CliProcess.run("listen", "tcp", "--bind", "127.0.0.1", "0", "--rules", rules.toString());
        assertEquals(2, cli.exitCode(), cli::toString);
        assertEquals(rules + ", \u201cbroken\u201d: Not a valid regular expression at character 5: Unclosed group",
                cli.errors().strip());
    }
}
