package io.socketdeck.cli.script;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** The report a CI system reads: counts, times, failures and skips where the common JUnit schema has them. */
class JunitXmlTest {

    /** Checks {@code xml} against the common JUnit shape every CI reader knows (junit-common.xsd, beside this test). */
    static void validate(java.io.InputStream xml) throws Exception {
        javax.xml.validation.Schema schema = javax.xml.validation.SchemaFactory
                .newInstance(javax.xml.XMLConstants.W3C_XML_SCHEMA_NS_URI)
                .newSchema(JunitXmlTest.class.getResource("junit-common.xsd"));
        schema.newValidator().validate(new javax.xml.transform.stream.StreamSource(xml));
    }

    private static Document parse(byte[] xml) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml));
    }

    @Test
    void theSchemaRefusesWhatACiReaderMightNotKnow() {
        String rootSkipped = "<testsuites skipped=\"1\"><testsuite name=\"a\" tests=\"0\" failures=\"0\" errors=\"0\" "
                + "time=\"0\"/></testsuites>";
        String zonedTimestamp = rootSkipped.replace(" skipped=\"1\"", "").replace("time=\"0\"/>",
                "time=\"0\" timestamp=\"2024-01-01T10:00:00Z\"/>");
        org.junit.jupiter.api.Assertions.assertThrows(org.xml.sax.SAXException.class,
                () -> validate(new ByteArrayInputStream(rootSkipped.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        org.junit.jupiter.api.Assertions.assertThrows(org.xml.sax.SAXException.class,
                () -> validate(new ByteArrayInputStream(zonedTimestamp.getBytes(java.nio.charset.StandardCharsets.UTF_8))));
    }

    @Test
    void passFailAndSkipBecomeTestCasesWithCountsAndControlCharactersStayLegalXml() throws Exception {
        Script script = ScriptLoader.parse("dir/login.yaml", """
                name: login & "quotes" <check>
                steps:
                  - connect: {tcp: 127.0.0.1:5000}
                  - expect: VALUE=42
                  - close
                """, Map.of());
        List<Step.Action> actions = ScriptRunner.actions(script.steps(), new java.util.ArrayList<>());
        ScriptTally tally = new ScriptTally(script);
        StepResult pass = new StepResult(StepResult.Status.PASS, script, actions.get(0), null, 0, 2_500_000,
                "connect tcp 127.0.0.1:5000: connected from 127.0.0.1:4000", null, null, null, Map.of());
        StepResult fail = new StepResult(StepResult.Status.FAIL, script, actions.get(1), "2/3", 0, 5_001_200_000L,
                "expect \"VALUE=42\": no match", "no match within 5000 ms", "\"VALUE=42\"", "\"VALUE=41\u0001\"", Map.of());
        StepResult skip = ScriptRunner.skip(script, actions.get(2), "not run: step 2 failed");
        for (StepResult result : List.of(pass, fail, skip)) {
            tally.add(result, ConsoleReport.line(result));
        }
        tally.end();

        byte[] rendered = JunitXml.render(List.of(tally), 6_000_000_000L);
        validate(new ByteArrayInputStream(rendered));
        Document xml = parse(rendered);
        Element suites = xml.getDocumentElement();
        Element suite = (Element) suites.getElementsByTagName("testsuite").item(0);
        Element failed = (Element) suite.getElementsByTagName("testcase").item(1);
        Element failure = (Element) failed.getElementsByTagName("failure").item(0);
        Element skipped = (Element) ((Element) suite.getElementsByTagName("testcase").item(2))
                .getElementsByTagName("skipped").item(0);
        assertAll(
                () -> assertEquals("testsuites", suites.getTagName()),
                () -> assertEquals("3", suites.getAttribute("tests")),
                () -> assertEquals("1", suites.getAttribute("failures")),
                () -> assertEquals("1", suite.getAttribute("skipped")),
                () -> assertEquals("6.000", suites.getAttribute("time")),
                () -> assertEquals("login & \"quotes\" <check>", suite.getAttribute("name")),
                () -> assertEquals("0", suite.getAttribute("errors")),
                () -> assertTrue(suite.getAttribute("timestamp").matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d"),
                        suite.getAttribute("timestamp")),
                () -> assertEquals("0.003", ((Element) suite.getElementsByTagName("testcase").item(0)).getAttribute("time")),
                () -> assertEquals("step 2 (line 4, repeat 2/3) expect \"VALUE=42\"", failed.getAttribute("name")),
                () -> assertEquals("login & \"quotes\" <check>", failed.getAttribute("classname")),
                () -> assertEquals("5.001", failed.getAttribute("time")),
                () -> assertEquals("no match within 5000 ms", failure.getAttribute("message")),
                () -> assertEquals("expect", failure.getAttribute("type")),
                () -> assertTrue(failure.getTextContent().startsWith("expected: \"VALUE=42\"\nreceived: \"VALUE=41\\u0001\""),
                        failure.getTextContent()),
                () -> assertTrue(failure.getTextContent().endsWith("at dir/login.yaml:4:5"), failure.getTextContent()),
                () -> assertEquals("not run: step 2 failed", skipped.getAttribute("message")),
                () -> assertEquals("file", ((Element) suite.getElementsByTagName("property").item(0)).getAttribute("name")),
                () -> assertEquals(3, suite.getElementsByTagName("system-out").item(0).getTextContent().split("\n").length));
    }
}
