package io.socketdeck.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.FailureKind;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every string shown exists in both languages, and every key the code and FXML use exists. */
class BundleCompletenessTest {

    private static final Path MAIN_RESOURCES = Path.of("src/main/resources");
    private static final Path MAIN_JAVA = Path.of("src/main/java");

    private static Properties load(String name) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = BundleCompletenessTest.class.getResourceAsStream("/io/socketdeck/ui/common/" + name);
             Reader reader = new java.io.InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    @Test
    void chineseHasExactlyTheEnglishKeys() throws IOException {
        assertEquals(new TreeSet<>(load("messages.properties").stringPropertyNames()),
                new TreeSet<>(load("messages_zh_CN.properties").stringPropertyNames()));
    }

    @Test
    void everyPatternParses() throws IOException {
        for (String file : List.of("messages.properties", "messages_zh_CN.properties")) {
            Properties properties = load(file);
            for (String key : properties.stringPropertyNames()) {
                new MessageFormat(properties.getProperty(key)); // throws on a broken pattern
            }
        }
    }

    @Test
    void everyKeyUsedInFxmlExists() throws IOException {
        Properties english = load("messages.properties");
        Pattern reference = Pattern.compile("\"%([A-Za-z0-9_.]+)\"");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN_RESOURCES)) {
            for (Path fxml : files.filter(p -> p.toString().endsWith(".fxml")).toList()) {
                Matcher matcher = reference.matcher(Files.readString(fxml));
                while (matcher.find()) {
                    if (!english.containsKey(matcher.group(1))) {
                        missing.add(fxml.getFileName() + ": " + matcher.group(1));
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "keys used but not defined: " + missing);
    }

    @Test
    void everyLiteralKeyUsedInCodeExists() throws IOException {
        Properties english = load("messages.properties");
        Pattern reference = Pattern.compile("I18n\\.(?:text|format)\\(\"([A-Za-z0-9_.]+)\"");
        Pattern literal = Pattern.compile("\"((?:client|server|udp|send|field|log|counters|event|failure|app|menu|tab|about)\\.[A-Za-z0-9_.]+)\"");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN_JAVA)) {
            for (Path source : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(source);
                for (Pattern pattern : List.of(reference, literal)) {
                    Matcher matcher = pattern.matcher(text);
                    while (matcher.find()) {
                        String key = matcher.group(1);
                        if (!key.endsWith(".") && !english.containsKey(key)) {
                            missing.add(source.getFileName() + ": " + key);
                        }
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "keys used but not defined: " + missing);
    }

    @Test
    void everyEventKindHasItsText() throws IOException {
        Properties english = load("messages.properties");
        for (CloseReason reason : CloseReason.values()) {
            assertTrue(english.containsKey("event.disconnected." + reason.name()), reason.name());
        }
        for (FailureKind kind : FailureKind.values()) {
            assertTrue(english.containsKey("failure." + kind.name()), kind.name());
        }
    }
}
