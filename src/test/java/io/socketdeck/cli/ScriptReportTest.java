package io.socketdeck.cli;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.socketdeck.testsupport.PythonPeer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * Several scripts in one run and the JUnit XML report a CI job reads, parsed back with the JDK's
 * DOM parser; and Ctrl+C, which still leaves a summary and a report of what ran.
 */
class ScriptReportTest {

    @TempDir
    Path dir;
    private PythonPeer device;

    @BeforeEach
    void device() throws IOException {
        assumeTrue(PythonPeer.available(), "python3 not installed: the device is a python script");
        device = PythonPeer.start("script_device.py", "127.0.0.1", "tcp");
    }

    @AfterEach
    void stopDevice() {
        if (device != null) {
            device.close();
        }
    }

    private Path script(String name, String yaml) throws IOException {
        return Files.writeString(dir.resolve(name), yaml);
    }

    /** The common JUnit shape every CI reader knows (see junit-common.xsd). */
    private static void validate(Path xml) throws Exception {
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(ScriptReportTest.class.getResource("/io/socketdeck/cli/script/junit-common.xsd"))
                .newValidator().validate(new StreamSource(xml.toFile()));
    }

    private static Document parse(Path xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(xml.toFile());
    }

    private static List<Element> elements(Element parent, String tag) {
        NodeList nodes = parent.getElementsByTagName(tag);
        return java.util.stream.IntStream.range(0, nodes.getLength()).mapToObj(i -> (Element) nodes.item(i)).toList();
    }

    @Test
    void twoScriptsOneFailingBothRunAndTheJunitReportCountsEachStep() throws Exception {
        Path failing = script("failing.yaml", """
                name: failing
                steps:
                  - connect: {tcp: "127.0.0.1:${port}", line-end: lf}
                  - send: GET wrong
                  - expect: {text: "VALUE=42", timeout: 3000}
                  - close
                """);
        Path passing = script("passing.yaml", """
                name: passing
                steps:
                  - connect: {tcp: "127.0.0.1:${port}", line-end: lf}
                  - send: LOGIN x
                  - expect: {regex: 'TOKEN=(\\w+)', capture: {token: 1}}
                  - send: GET ${token}
                  - expect: VALUE=42
                """);
        Path report = dir.resolve("reports/script-results.xml");
        CliProcess cli = CliProcess.run("script", "--var", "port=" + device.port(), "--junit", report.toString(),
                failing.toString(), passing.toString());
        List<String> lines = cli.lines();
        assertAll(() -> assertEquals(8, cli.exitCode(), cli::toString),
                () -> assertTrue(lines.get(lines.size() - 1).matches(".* summary scripts 2 passed 1 failed 1 [\\d.]+ ms"),
                        cli::toString),
                () -> assertTrue(lines.stream().anyMatch(l -> l.contains(" summary passing passed 5 failed 0 skipped 0 ")),
                        "the second script ran after the first failed: " + cli));

        validate(report);
        Element suites = parse(report).getDocumentElement();
        List<Element> suite = elements(suites, "testsuite");
        List<Element> failingCases = elements(suite.get(0), "testcase");
        Element failure = elements(failingCases.get(2), "failure").get(0);
        assertAll(
                () -> assertEquals("testsuites", suites.getTagName()),
                () -> assertEquals("9", suites.getAttribute("tests")),
                () -> assertEquals("1", suites.getAttribute("failures")),
                () -> assertEquals(2, suite.size()),
                () -> assertEquals("failing", suite.get(0).getAttribute("name")),
                () -> assertEquals("4", suite.get(0).getAttribute("tests")),
                () -> assertEquals("1", suite.get(0).getAttribute("failures")),
                () -> assertEquals("1", suite.get(0).getAttribute("skipped")),
                () -> assertEquals("passing", suite.get(1).getAttribute("name")),
                () -> assertEquals("0", suite.get(1).getAttribute("failures")),
                () -> assertEquals("step 3 (line 5) expect \"VALUE=42\"", failingCases.get(2).getAttribute("name")),
                () -> assertEquals("failing", failingCases.get(2).getAttribute("classname")),
                () -> assertTrue(Double.parseDouble(failingCases.get(2).getAttribute("time")) >= 3.0,
                        "waited its timeout: " + failingCases.get(2).getAttribute("time")),
                () -> assertEquals("no match within 3000 ms", failure.getAttribute("message")),
                () -> assertTrue(failure.getTextContent().startsWith("expected: \"VALUE=42\"\nreceived: \"ERR bad token\\n\"\n"),
                        failure.getTextContent()),
                () -> assertTrue(failure.getTextContent().endsWith("at " + failing + ":5:5"), failure.getTextContent()),
                () -> assertEquals(1, elements(failingCases.get(3), "skipped").size()),
                () -> assertEquals("step 4 (line 6) send \"GET ${token}\"",
                        elements(suite.get(1), "testcase").get(3).getAttribute("name"), "named as written, not as sent"),
                () -> assertTrue(suite.stream().allMatch(s -> Double.parseDouble(s.getAttribute("time"))
                        >= elements(s, "testcase").stream().mapToDouble(c -> Double.parseDouble(c.getAttribute("time")))
                        .sum() - 0.001), "a suite lasts at least as long as its steps"),
                () -> assertEquals(String.join("\n", lines.subList(0, 5)),
                        elements(suite.get(0), "system-out").get(0).getTextContent(), "its output lines"));
    }

    @Test
    void ctrlCPrintsTheSummarySoFarWritesTheReportAndExits130() throws Exception {
        Path hang = script("hang.yaml", """
                name: hang
                steps:
                  - connect: {tcp: "127.0.0.1:${port}", line-end: lf}
                  - send: SILENT
                  - expect: {text: never, timeout: 120s}
                  - close
                """);
        Path report = dir.resolve("junit.xml");
        try (CliProcess cli = CliProcess.start("script", "--var", "port=" + device.port(), "--junit", report.toString(),
                hang.toString(), hang.toString())) {
            cli.closeInput();
            cli.awaitLine(line -> line.contains(" pass hang step 2 (line 4) send "), "the send before the long expect");
            cli.interrupt();
            assertEquals(130, cli.awaitExit(), cli::toString);
            List<String> lines = cli.lines();
            assertAll(() -> assertTrue(lines.get(2).endsWith(" skip hang step 3 (line 5) expect \"never\": interrupted "
                            + "(Ctrl+C)"), cli::toString),
                    () -> assertTrue(lines.get(3).endsWith(" skip hang step 4 (line 6) close: not run: interrupted (Ctrl+C)"),
                            cli::toString),
                    () -> assertTrue(lines.get(4).matches(".* summary hang passed 2 failed 0 skipped 2 [\\d.]+ ms"),
                            cli::toString),
                    () -> assertEquals(5, lines.size(), "the second script never began: " + cli));
        }
        validate(report);
        Element suites = parse(report).getDocumentElement();
        assertAll(() -> assertEquals("4", suites.getAttribute("tests")),
                () -> assertEquals("2", elements(suites, "testsuite").get(0).getAttribute("skipped")),
                () -> assertEquals(1, elements(suites, "testsuite").size()));
    }
}
