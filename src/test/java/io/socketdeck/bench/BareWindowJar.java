package io.socketdeck.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * The cold-start baseline packaged the way the app is: {@link BareWindow} in a jar whose manifest
 * names JavaFX's jars in target/libs, plus its own class-data-sharing archive made like the
 * app's (a training run lists the classes it loads, the JDK writes the archive). So the baseline
 * gets every head start the app gets: the strongest plain way to show a JavaFX window.
 */
final class BareWindowJar {

    final Path jar;
    final Path archive;

    private BareWindowJar(Path jar, Path archive) {
        this.jar = jar;
        this.archive = archive;
    }

    /** Writes the jar into {@code dir}; its archive comes from {@link #dumpArchive}. */
    static BareWindowJar write(Path dir, Path libs) throws IOException {
        Path jar = dir.resolve("bare-window.jar");
        Manifest manifest = new Manifest();
        Attributes main = manifest.getMainAttributes();
        main.put(Attributes.Name.MANIFEST_VERSION, "1.0");
        main.put(Attributes.Name.MAIN_CLASS, BareWindow.Main.class.getName());
        List<String> javafx = new ArrayList<>();
        try (var jars = Files.list(libs)) {
            jars.filter(file -> file.getFileName().toString().startsWith("javafx-")).sorted()
                    .forEach(file -> javafx.add(dir.toAbsolutePath().relativize(file.toAbsolutePath()).toString().replace(java.io.File.separatorChar, '/')));
        }
        main.put(Attributes.Name.CLASS_PATH, String.join(" ", javafx));
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar), manifest)) {
            for (Class<?> type : List.of(BareWindow.class, BareWindow.Main.class)) {
                String entry = type.getName().replace('.', '/') + ".class";
                out.putNextEntry(new JarEntry(entry));
                try (InputStream in = BareWindow.class.getClassLoader().getResourceAsStream(entry)) {
                    in.transferTo(out);
                }
                out.closeEntry();
            }
        }
        return new BareWindowJar(jar, dir.resolve("bare-window.jsa"));
    }

    /**
     * Writes the archive from {@code classList}, which a training run of the jar wrote
     * ({@code -XX:DumpLoadedClassList}, on the display the caller measures with).
     */
    void dumpArchive(Path classList) throws IOException, InterruptedException {
        List<String> dump = new ArrayList<>(List.of(PackagedApp.java(), "-Xshare:dump"));
        dump.addAll(PackagedApp.jvmOptions());
        dump.addAll(List.of("-Xlog:disable", "-Xlog:all=error:stderr", "-XX:SharedClassListFile=" + classList,
                "-XX:SharedArchiveFile=" + archive, "-cp", jar.toString()));
        Process process = new ProcessBuilder(dump).redirectErrorStream(true)
                .start();
        try (InputStream out = process.getInputStream()) {
            String output = new String(out.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            if (process.waitFor() != 0 || !Files.isRegularFile(archive)) {
                throw new IllegalStateException("the bare window's archive failed:\n" + output);
            }
        }
    }
}
