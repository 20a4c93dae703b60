package io.socketdeck.ui.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.socketdeck.core.send.FileSender;
import io.socketdeck.core.session.CloseReason;
import io.socketdeck.core.session.FailureKind;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every package's strings exist in both languages, no key is defined by two packages, and every
 * key the code and FXML use is defined somewhere.
 */
class BundleCompletenessTest {

    private static final Path MAIN_RESOURCES = Path.of("src/main/resources");
    private static final Path MAIN_JAVA = Path.of("src/main/java");
    private static final String ENGLISH = "messages.properties";
    private static final String CHINESE = "messages_zh_CN.properties";

    /** Every package folder that has a bundle. */
    private static List<Path> bundleFolders() throws IOException {
        try (Stream<Path> files = Files.walk(MAIN_RESOURCES)) {
            return files.filter(p -> p.getFileName().toString().equals(ENGLISH)).map(Path::getParent).sorted().toList();
        }
    }

    private static Properties load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return properties;
    }

    /** Every English key of every bundle, with the folder that defines it. */
    private static Map<String, Path> allKeys() throws IOException {
        Map<String, Path> keys = new HashMap<>();
        for (Path folder : bundleFolders()) {
            for (String key : load(folder.resolve(ENGLISH)).stringPropertyNames()) {
                Path before = keys.put(key, folder);
                assertTrue(before == null, key + " is defined in " + before + " and " + folder);
            }
        }
        return keys;
    }

    @Test
    void thereIsABundleForTheEngineAndForEachFeature() throws IOException {
        List<String> folders = bundleFolders().stream().map(p -> MAIN_RESOURCES.relativize(p).toString()).toList();
        assertTrue(folders.contains("io/socketdeck/core/text"), folders.toString());
        assertTrue(folders.size() >= 10, folders.toString());
    }

    @Test
    void chineseHasExactlyTheEnglishKeysInEveryBundle() throws IOException {
        for (Path folder : bundleFolders()) {
            assertEquals(new TreeSet<>(load(folder.resolve(ENGLISH)).stringPropertyNames()),
                    new TreeSet<>(load(folder.resolve(CHINESE)).stringPropertyNames()), folder.toString());
        }
    }

    @Test
    void noKeyIsDefinedTwice() throws IOException {
        assertTrue(allKeys().size() > 250);
    }

    @Test
    void everyPatternParses() throws IOException {
        for (Path folder : bundleFolders()) {
            for (String file : List.of(ENGLISH, CHINESE)) {
                Properties properties = load(folder.resolve(file));
                for (String key : properties.stringPropertyNames()) {
                    new MessageFormat(properties.getProperty(key)); // throws on a broken pattern
                }
            }
        }
    }

    /**
     * An apostrophe is written ’: the same text is shown as written by {@code I18n.text} (and
     * FXML's {@code %key}) and through {@code MessageFormat} by {@code I18n.format}, which read
     * {@code ''} and {@code '} differently ("The application''s own log" once showed in the About
     * box as written). Quotes stay allowed around braces ({@code '{{'}), where only format reads them.
     */
    @Test
    void apostrophesReadTheSameShownAsWrittenOrFormatted() throws IOException {
        Pattern asciiApostrophe = Pattern.compile("\\p{L}'+\\p{L}");
        List<String> wrong = new ArrayList<>();
        for (Path folder : bundleFolders()) {
            for (String file : List.of(ENGLISH, CHINESE)) {
                Properties properties = load(folder.resolve(file));
                for (String key : properties.stringPropertyNames()) {
                    String value = properties.getProperty(key);
                    if (asciiApostrophe.matcher(value).find()) {
                        wrong.add(folder.resolve(file) + ": " + key + "=" + value);
                    }
                }
            }
        }
        assertEquals(List.of(), wrong, "write \u2019 for an apostrophe");
    }

    /** "1 datagram", "2 datagrams": every English pattern given a count of 1 or 2 agrees with its noun. */
    @Test
    void countsAgreeWithTheirNounsInEnglish() throws IOException {
        String nouns = "byte|row|command|client|datagram|entr(?:y|ie)|message|msg|send|time";
        Pattern pluralAfterOne = Pattern.compile("(?<![\\d.,])1 (?:" + nouns + ")s\\b");
        Pattern singularAfterTwo = Pattern.compile("(?<![\\d.,])2 (?:" + nouns.replace("entr(?:y|ie)", "entry") + ")\\b");
        List<String> wrong = new ArrayList<>();
        for (Path folder : bundleFolders()) {
            Properties english = load(folder.resolve(ENGLISH));
            for (String key : english.stringPropertyNames()) {
                if (key.equals("log.more")) {
                    continue; // "… (N bytes in all)" follows only the preview of a long payload
                }
                for (long count : new long[] {1, 2}) {
                    Object[] args = new Object[10];
                    java.util.Arrays.fill(args, count);
                    String text = new MessageFormat(english.getProperty(key), java.util.Locale.ENGLISH).format(args);
                    if ((count == 1 ? pluralAfterOne : singularAfterTwo).matcher(text).find()) {
                        wrong.add(key + ": " + text);
                    }
                }
            }
        }
        assertEquals(List.of(), wrong);
        Properties log = load(MAIN_RESOURCES.resolve("io/socketdeck/ui/log").resolve(ENGLISH));
        MessageFormat datagrams = new MessageFormat(log.getProperty("counters.datagrams"), java.util.Locale.ENGLISH);
        assertEquals(List.of("datagrams", "datagram", "datagrams"),
                List.of(datagrams.format(new Object[] {0L}), datagrams.format(new Object[] {1L}), datagrams.format(new Object[] {2L})),
                "the counter's unit follows its count");
    }

    @Test
    void everyKeyUsedInFxmlExists() throws IOException {
        Map<String, Path> keys = allKeys();
        Pattern reference = Pattern.compile("\"%([A-Za-z0-9_.]+)\"");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN_RESOURCES)) {
            for (Path fxml : files.filter(p -> p.toString().endsWith(".fxml")).toList()) {
                Matcher matcher = reference.matcher(Files.readString(fxml));
                while (matcher.find()) {
                    if (!keys.containsKey(matcher.group(1))) {
                        missing.add(fxml.getFileName() + ": " + matcher.group(1));
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "keys used but not defined: " + missing);
    }

    @Test
    void everyLiteralKeyUsedInCodeExists() throws IOException {
        Map<String, Path> keys = allKeys();
        Pattern reference = Pattern.compile("(?:I18n|TEXT)\\.(?:text|format)\\(\"([A-Za-z0-9_.]+)\"");
        Pattern literal = Pattern.compile("\"((?:client|server|udp|send|field|log|counters|event|failure|app|menu|tab"
                + "|about|quick|capture|file|periodic|status)\\.[A-Za-z0-9_.]+|settings\\.(?!json\")[A-Za-z0-9_.]+)\"");
        List<String> missing = new ArrayList<>();
        try (Stream<Path> files = Files.walk(MAIN_JAVA)) {
            for (Path source : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String text = Files.readString(source);
                for (Pattern pattern : List.of(reference, literal)) {
                    Matcher matcher = pattern.matcher(text);
                    while (matcher.find()) {
                        String key = matcher.group(1);
                        if (!key.endsWith(".") && !keys.containsKey(key)) {
                            missing.add(source.getFileName() + ": " + key);
                        }
                    }
                }
            }
        }
        assertTrue(missing.isEmpty(), "keys used but not defined: " + missing);
    }

    @Test
    void everyEventKindIsWordedByTheEngine() throws IOException {
        Properties engine = load(MAIN_RESOURCES.resolve("io/socketdeck/core/text").resolve(ENGLISH));
        for (CloseReason reason : CloseReason.values()) {
            assertTrue(engine.containsKey("event.disconnected." + reason.name()), reason.name());
            assertTrue(engine.containsKey("event.reason." + reason.name()), reason.name());
        }
        for (FailureKind kind : FailureKind.values()) {
            assertTrue(engine.containsKey("failure." + kind.name()), kind.name());
        }
    }

    @Test
    void everyWayAFileSendEndsIsWorded() throws IOException {
        Properties send = load(MAIN_RESOURCES.resolve("io/socketdeck/ui/send").resolve(ENGLISH));
        for (FileSender.Outcome outcome : FileSender.Outcome.values()) {
            assertTrue(send.containsKey("file.outcome." + outcome.name()), outcome.name());
        }
    }
}
