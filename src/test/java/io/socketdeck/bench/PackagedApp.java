package io.socketdeck.bench;

import io.socketdeck.Launcher;
import java.io.File;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The app as a user starts it: {@code bin/socketdeck}'s {@code java OPTIONS
 * -XX:SharedArchiveFile=target/socketdeck.jsa -jar target/socketdeck-VERSION.jar ARGS} (main
 * class {@link Launcher}, its libraries in target/libs, the class-data-sharing archive beside
 * them: the window's, or with arguments the command line's {@code socketdeck-cli.jsa}), which
 * {@code mvn -Pbench verify} has just packaged; from this classpath where there is no jar (a bench
 * started another way).
 */
final class PackagedApp {

    private PackagedApp() {
    }

    /** The JVM options the app runs with: this JVM's heap and collector options (the pom gives both the same). */
    static List<String> jvmOptions() {
        return ManagementFactory.getRuntimeMXBean().getInputArguments().stream()
                .filter(option -> option.startsWith("-Xm") || option.startsWith("-XX:")).toList();
    }

    /** {@code java OPTIONS EXTRA [archive] -jar JAR ARGS}, as bin/socketdeck runs it. */
    static List<String> command(List<String> extraOptions, List<String> args) {
        return command(extraOptions, args, true);
    }

    /** The same, with the class-data-sharing archive or without it (as when the archive is stale). */
    static List<String> command(List<String> extraOptions, List<String> args, boolean withArchive) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmOptions());
        command.addAll(extraOptions);
        Path jar = jar();
        if (jar != null) {
            if (withArchive) {
                archive(!args.isEmpty()).ifPresent(archive -> command.add("-XX:SharedArchiveFile=" + archive));
            }
            command.add("-jar");
            command.add(jar.toString());
        } else {
            command.add("-cp");
            command.add(System.getProperty("java.class.path"));
            command.add(Launcher.class.getName());
        }
        command.addAll(args);
        return command;
    }

    /**
     * Whether {@link #command} starts the packaged jar with its archive, as a user would: the
     * command line's archive ({@code commandLine}) or the window's.
     */
    static String describe(boolean commandLine) {
        Path jar = jar();
        if (jar == null) {
            return "java OPTIONS -cp CLASSES " + Launcher.class.getSimpleName() + " (no packaged jar)";
        }
        return "java OPTIONS " + archive(commandLine).map(archive -> "-XX:SharedArchiveFile=target/"
                + archive.getFileName() + " ").orElse("") + "-jar " + jar.getFileName() + " (bin/socketdeck)";
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    static Path jar() {
        File[] jars = new File("target").listFiles((dir, name) -> name.matches("socketdeck-.*\\.jar")
                && !name.contains("sources") && !name.contains("javadoc"));
        return jars == null || jars.length != 1 ? null : jars[0].toPath().toAbsolutePath();
    }

    /** The archive bin/socketdeck names: the command line's when there are arguments, else the window's. */
    static java.util.Optional<Path> archive(boolean commandLine) {
        Path archive = Path.of("target", commandLine ? "socketdeck-cli.jsa" : "socketdeck.jsa").toAbsolutePath();
        return Files.isRegularFile(archive) ? java.util.Optional.of(archive) : java.util.Optional.empty();
    }
}
