package io.socketdeck;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pom's package profile (jlink + jpackage) runs by hand, never in the suite: these cheap checks
 * keep what it reads in step with the code. The JVM options are LaunchOptionsTest's.
 */
class PackageProfileTest {

    /** Modules that no class names, so jdeps cannot find them, and why the runtime has them. */
    private static final Set<String> SERVICE_MODULES = Set.of(
            "jdk.charsets", // GBK, GB18030, Big5 where java.base lacks them (Charset.forName)
            "jdk.crypto.ec"); // TLS: X25519 and P-256 key exchange, EC certificates (SunEC, before JDK 22)

    private static final String POM = readPom();

    @Test
    void theRuntimeHasEveryModuleJdepsFindsAndOnlyTheServiceModulesBeyond() {
        Set<String> profile = new TreeSet<>(Arrays.asList(property("package.modules").split(",")));
        Set<String> found = jdepsModules();
        assertTrue(found.contains("java.base") && found.contains("java.desktop"), "jdeps found " + found);

        Set<String> missing = new TreeSet<>(found);
        missing.removeAll(profile);
        assertEquals(Set.of(), missing, "modules the classes need that package.modules lacks");
        Set<String> beyond = new TreeSet<>(profile);
        beyond.removeAll(found);
        assertEquals(new TreeSet<>(SERVICE_MODULES), beyond,
                "package.modules beyond what jdeps finds (a module no longer needed, or a service module to note here)");
    }

    @Test
    void everyOsProfileHasItsArgumentFilesAndEveryPathTheyNameExists() throws IOException {
        Matcher os = Pattern.compile("<package.os>([^<]+)</package.os>").matcher(POM);
        List<String> systems = new ArrayList<>();
        while (os.find()) {
            systems.add(os.group(1));
        }
        assertEquals(List.of("linux", "windows", "macos"), systems);
        for (String system : systems) {
            for (String file : List.of("image.args", "installer.args")) {
                Path args = Path.of("packaging", system, file);
                assertTrue(Files.isRegularFile(args), args + " (the pom passes it to jpackage as @file)");
                for (String path : pathsIn(args)) {
                    assertTrue(Files.exists(Path.of(path)), path + ", named in " + args);
                }
            }
        }
    }

    /**
     * The Linux image's class-data-sharing archive: the launchers name one path, the build writes
     * the image's there, the .deb carries an empty placeholder there (so dpkg owns and removes it)
     * and its postinst writes the installed one there, from the class list the image carries.
     */
    @Test
    void theLinuxLaunchersTheBuildAndTheDebAgreeOnTheClassDataSharingArchive() throws IOException {
        String imageArgs = Files.readString(Path.of("packaging", "linux", "image.args"));
        assertTrue(imageArgs.contains("--java-options -XX:SharedArchiveFile=$APPDIR/socketdeck.jsa"), imageArgs);
        Path placeholder = Path.of("packaging", "linux", "app", "socketdeck.jsa");
        assertTrue(Files.isRegularFile(placeholder) && Files.size(placeholder) == 0,
                placeholder + ": empty, so the JVM ignores it until postinst writes the real one");
        String dump = POM.substring(POM.indexOf("<id>package-image-archive</id>"));
        dump = dump.substring(0, dump.indexOf("</execution>"));
        assertTrue(dump.contains("-XX:SharedArchiveFile=${package.dir}/image/${package.image}/lib/app/socketdeck.jsa"), dump);
        assertTrue(dump.contains("-XX:SharedClassListFile=${package.dir}/image/${package.image}/lib/app/socketdeck.classlist"), dump);
        assertTrue(POM.contains("<include>socketdeck.classlist</include>"), "the class list goes into the image");
        String postinst = Files.readString(Path.of("packaging", "linux", "deb", "postinst"));
        assertTrue(postinst.contains("app=\"$(dirname \"$(dirname APPLICATION_LAUNCHER)\")/lib/app\""), postinst);
        assertTrue(postinst.contains("-XX:SharedClassListFile=\"$app/socketdeck.classlist\" -XX:SharedArchiveFile=\"$app/socketdeck.jsa\""),
                postinst);
    }

    /**
     * An archive serves only the collector it was made with: the .deb's postinst reads the
     * collector from the launcher's configuration (its own line of it, run here by sh against a
     * configuration such as jpackage writes). The image's archive takes the pom's collector slot,
     * which {@code LaunchOptionsTest} checks for every archive the build makes.
     */
    @Test
    void theArchivesAreMadeWithTheAppsCollector(@TempDir Path app) throws IOException, InterruptedException {
        String postinst = Files.readString(Path.of("packaging", "linux", "deb", "postinst"));
        assertTrue(postinst.contains("-Xshare:dump -Xmx1g \"${collector:--XX:+UseG1GC}\""), postinst);
        Matcher reading = Pattern.compile("(?m)^\\s*(collector=\\$\\(.+\\))$").matcher(postinst);
        assertTrue(reading.find(), postinst);
        Files.writeString(app.resolve("SocketDeck.cfg"), "[JavaOptions]\njava-options=-Xms16m\n"
                + "java-options=-XX:+UseZGC\njava-options=-XX:ZCollectionInterval=30\n");
        Process sh = new ProcessBuilder("sh", "-c", "app=$1\n" + reading.group(1) + "\nprintf %s \"$collector\"",
                "sh", app.toString()).redirectErrorStream(true).start();
        String collector = new String(sh.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, sh.waitFor());
        assertEquals("-XX:+UseZGC", collector);
    }

    @Test
    void theIconsAreWhatTheirOsReads() throws IOException {
        assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G'},
                head(Path.of("src/main/resources/io/socketdeck/ui/app/icon-256.png"), 4));
        assertArrayEquals(new byte[] {0, 0, 1, 0}, head(Path.of("packaging/windows/socketdeck.ico"), 4));
        assertArrayEquals(new byte[] {'i', 'c', 'n', 's'}, head(Path.of("packaging/macos/socketdeck.icns"), 4));
    }

    /** The JDK modules that the app's classes and its runtime libraries use, as jdeps reduces them. */
    private static Set<String> jdepsModules() {
        List<String> args = new ArrayList<>(List.of("--print-module-deps", "--ignore-missing-deps",
                "--multi-release", Integer.toString(Runtime.version().feature()), "target/classes"));
        runtimeLibraries().forEach(jar -> args.add(jar.toString()));
        ToolProvider jdeps = ToolProvider.findFirst("jdeps").orElseThrow();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int status = jdeps.run(new PrintWriter(out), new PrintWriter(err), args.toArray(String[]::new));
        assertEquals(0, status, err.toString());
        String[] lines = out.toString().strip().split("\\R");
        return new TreeSet<>(Arrays.asList(lines[lines.length - 1].split(",")));
    }

    /**
     * The jars the packaged app carries, taken from this test run's class path: the pom's non-test
     * dependencies and the modules they require, resolved as the module system would (every library
     * here is a named module). Test jars stay out, as they do out of the runtime.
     */
    private static List<Path> runtimeLibraries() {
        List<Path> classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> entry.endsWith(".jar")).map(Path::of).toList();
        Set<String> roots = new TreeSet<>();
        for (Path jar : declaredRuntimeJars(classPath)) {
            ModuleDescriptor module = ModuleFinder.of(jar).findAll().iterator().next().descriptor();
            if (!module.isAutomatic()) { // JavaFX's platform-less jars: no classes, no descriptor
                roots.add(module.name());
            }
        }
        Configuration resolved = ModuleLayer.boot().configuration().resolve(
                ModuleFinder.of(classPath.toArray(Path[]::new)), ModuleFinder.ofSystem(), roots);
        List<Path> jars = resolved.modules().stream()
                .map(module -> module.reference().location().orElseThrow())
                .filter(location -> "file".equals(location.getScheme()))
                .map(Path::of).sorted().toList();
        assertTrue(jars.size() >= roots.size(), jars + " for " + roots);
        return jars;
    }

    /** The class path's jars of the dependencies the pom declares without test scope. */
    private static List<Path> declaredRuntimeJars(List<Path> classPath) {
        String declared = POM.substring(POM.indexOf("<dependencies>"), POM.indexOf("</dependencies>"));
        Matcher dependency = Pattern.compile("<dependency>(.*?)</dependency>", Pattern.DOTALL).matcher(declared);
        List<Path> jars = new ArrayList<>();
        while (dependency.find()) {
            String body = dependency.group(1);
            if (body.contains("<scope>test</scope>")) {
                continue;
            }
            String folder = "/" + tag(body, "groupId").replace('.', '/') + "/" + tag(body, "artifactId") + "/";
            List<Path> found = classPath.stream()
                    .filter(jar -> jar.toString().replace(File.separatorChar, '/').contains(folder)).toList();
            assertTrue(!found.isEmpty(), folder + " is not on the test class path");
            jars.addAll(found);
        }
        return jars;
    }

    /** The tokens of a jpackage @file that name a file or folder of this project. */
    private static List<String> pathsIn(Path args) throws IOException {
        try (Stream<String> lines = Files.lines(args)) {
            return lines.map(String::strip)
                    .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                    .flatMap(line -> Arrays.stream(line.split("\\s+")))
                    .map(token -> token.contains("=") ? token.substring(token.indexOf('=') + 1) : token)
                    .filter(token -> token.startsWith("packaging/") || token.startsWith("src/"))
                    .toList();
        }
    }

    private static String property(String name) {
        return tag(POM, name);
    }

    private static String tag(String xml, String name) {
        Matcher value = Pattern.compile("<" + Pattern.quote(name) + ">([^<]*)</" + Pattern.quote(name) + ">").matcher(xml);
        assertTrue(value.find(), "<" + name + ">");
        return value.group(1).strip();
    }

    private static byte[] head(Path file, int length) throws IOException {
        return Arrays.copyOf(Files.readAllBytes(file), length);
    }

    private static String readPom() {
        try {
            return Files.readString(Path.of("pom.xml"));
        } catch (IOException e) {
            throw new IllegalStateException("pom.xml", e);
        }
    }
}
