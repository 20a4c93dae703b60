package io.socketdeck.cli.script;

import io.socketdeck.core.util.AtomicFiles;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The run as a JUnit XML report, the format Jenkins, GitLab, GitHub Actions and Azure read: one
 * {@code testsuite} per script, one {@code testcase} per step that ran or was skipped, a failed
 * step's {@code failure} saying what was expected and what arrived. Only the common attributes
 * (Ant's JUnit task's schema), so every reader accepts it. Test case names are the steps as
 * written, so a CI system follows each step from run to run.
 */
final class JunitXml {

    private static final DateTimeFormatter TIMESTAMP = DateTimeFormatter.ISO_LOCAL_DATE_TIME;

    private JunitXml() {
    }

    /** Writes the report in one piece: a reader never sees half of it. */
    static void write(Path target, List<ScriptTally> tallies, long nanos) throws IOException {
        AtomicFiles.write(target, render(tallies, nanos));
    }

    static byte[] render(List<ScriptTally> tallies, long nanos) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try {
            XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(bytes, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
            xml.writeCharacters("\n");
            xml.writeStartElement("testsuites");
            xml.writeAttribute("name", "socketdeck script");
            xml.writeAttribute("tests", Long.toString(tallies.stream().mapToLong(t -> t.results().size()).sum()));
            xml.writeAttribute("failures", Long.toString(tallies.stream().mapToLong(t -> t.count(StepResult.Status.FAIL)).sum()));
            xml.writeAttribute("errors", "0"); // skips are counted per suite: the root has no such attribute
            xml.writeAttribute("time", seconds(nanos));
            for (ScriptTally tally : tallies) {
                suite(xml, tally);
            }
            xml.writeCharacters("\n");
            xml.writeEndElement();
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("writing XML to memory", e);
        }
        bytes.write('\n');
        return bytes.toByteArray();
    }

    private static void suite(XMLStreamWriter xml, ScriptTally tally) throws XMLStreamException {
        List<StepResult> results = tally.results();
        xml.writeCharacters("\n  ");
        xml.writeStartElement("testsuite");
        xml.writeAttribute("name", text(tally.script().name()));
        xml.writeAttribute("tests", Integer.toString(results.size()));
        xml.writeAttribute("failures", Long.toString(tally.count(StepResult.Status.FAIL)));
        xml.writeAttribute("errors", "0");
        xml.writeAttribute("skipped", Long.toString(tally.count(StepResult.Status.SKIP)));
        xml.writeAttribute("time", seconds(tally.nanos()));
        xml.writeAttribute("timestamp", TIMESTAMP.format(LocalDateTime.ofInstant(
                Instant.ofEpochMilli(tally.startMillis()).truncatedTo(ChronoUnit.SECONDS), ZoneId.systemDefault())));
        String host = System.getenv("HOSTNAME"); // no lookup of our own name: it can hang for seconds
        if (host != null && !host.isBlank()) {
            xml.writeAttribute("hostname", text(host));
        }
        xml.writeCharacters("\n    ");
        xml.writeStartElement("properties");
        xml.writeEmptyElement("property");
        xml.writeAttribute("name", "file");
        xml.writeAttribute("value", text(tally.script().file()));
        xml.writeEndElement();
        for (StepResult result : results) {
            testCase(xml, result);
        }
        xml.writeCharacters("\n    ");
        xml.writeStartElement("system-out");
        xml.writeCharacters(text(String.join("\n", tally.lines())));
        xml.writeEndElement();
        xml.writeCharacters("\n  ");
        xml.writeEndElement();
    }

    private static void testCase(XMLStreamWriter xml, StepResult result) throws XMLStreamException {
        xml.writeCharacters("\n    ");
        String name = "step " + result.action().number() + " (line " + result.action().at().line()
                + (result.round() == null ? "" : ", repeat " + result.round()) + ") " + result.action().describe();
        boolean empty = result.status() == StepResult.Status.PASS;
        if (empty) {
            xml.writeEmptyElement("testcase");
        } else {
            xml.writeStartElement("testcase");
        }
        xml.writeAttribute("classname", text(result.script().name()));
        xml.writeAttribute("name", text(name));
        xml.writeAttribute("time", seconds(result.nanos()));
        if (empty) {
            return;
        }
        if (result.status() == StepResult.Status.FAIL) {
            xml.writeStartElement("failure");
            xml.writeAttribute("message", text(result.message()));
            xml.writeAttribute("type", result.action().kind());
            StringBuilder body = new StringBuilder();
            if (result.expected() != null) {
                body.append("expected: ").append(result.expected()).append('\n')
                        .append("received: ").append(result.received()).append('\n');
            }
            body.append(ConsoleReport.line(result)).append('\n')
                    .append("at ").append(result.script().file()).append(':').append(result.action().at());
            xml.writeCharacters(text(body.toString()));
            xml.writeEndElement();
        } else {
            xml.writeEmptyElement("skipped");
            xml.writeAttribute("message", text(result.message()));
        }
        xml.writeEndElement();
    }

    /** Seconds with three decimals, a dot whatever the language: what every reader parses. */
    static String seconds(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e9);
    }

    /**
     * Text XML 1.0 can hold: received data may carry control characters, which no escape makes
     * legal there; they were shown escaped already, this is the last guard.
     */
    static String text(String value) {
        if (value == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(value.length());
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean surrogatePair = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            if (surrogatePair) {
                out.append(c).append(value.charAt(++i));
            } else if (c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xD7FF) || (c >= 0xE000 && c <= 0xFFFD)) {
                out.append(c);
            } else {
                out.append(String.format(Locale.ROOT, "\\u%04X", (int) c));
            }
        }
        return out.toString();
    }
}
