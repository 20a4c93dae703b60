package io.socketdeck.testsupport;

import java.util.ArrayList;
import java.util.List;

/** What a JVM a test starts takes over from the test's own JVM. */
public final class ChildJvms {

    /**
     * System properties the build gives the tests' JVM (the pom's surefire argLine) that a child
     * must have too: {@code jdk.net.hosts.file}, so its name lookups stay on this machine as the
     * test's do.
     */
    private static final List<String> INHERITED = List.of("jdk.net.hosts.file");

    private ChildJvms() {
    }

    /** {@code -Dkey=value} for each inherited property this JVM has; empty outside the build. */
    public static List<String> inheritedOptions() {
        List<String> options = new ArrayList<>();
        for (String key : INHERITED) {
            String value = System.getProperty(key);
            if (value != null) {
                options.add("-D" + key + "=" + value);
            }
        }
        return options;
    }
}
