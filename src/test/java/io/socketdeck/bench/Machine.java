package io.socketdeck.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** Where and when a run happened, and what else was busy: printed with every run. */
final class Machine {

    private Machine() {
    }

    static List<String> describe() {
        String model = lines("/proc/cpuinfo").stream().filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).trim()).findFirst().orElse("unknown");
        return List.of(
                "run " + ZonedDateTime.now().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME)
                        + (Bench.QUICK ? " (QUICK: shortened smoke run, figures not comparable)" : ""),
                "machine: " + Runtime.getRuntime().availableProcessors() + " cores (nproc), " + model + ", JDK "
                        + System.getProperty("java.vm.name") + " " + System.getProperty("java.runtime.version") + ", "
                        + System.getProperty("os.name") + " " + System.getProperty("os.version"));
    }

    /** The load average and the other JVMs running (builds, tests, apps that are not this run). */
    static String load() {
        String loadavg = lines("/proc/loadavg").stream().findFirst().orElse("?");
        Set<Long> ours = new HashSet<>(); // this JVM, its ancestors (Maven) and its children
        for (ProcessHandle p = ProcessHandle.current(); p != null; p = p.parent().orElse(null)) {
            ours.add(p.pid());
        }
        ProcessHandle.current().descendants().forEach(p -> ours.add(p.pid()));
        Map<String, Long> others = ProcessHandle.allProcesses()
                .filter(p -> !ours.contains(p.pid()) && p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .collect(Collectors.groupingBy(p -> {
                    String args = String.join(" ", p.info().arguments().orElse(new String[0]));
                    return args.contains("surefire") && !args.contains("classworlds") ? "surefire"
                            : args.contains("classworlds") ? "Maven" : "other";
                }, TreeMap::new, Collectors.counting()));
        return "load average " + loadavg.substring(0, Math.min(loadavg.length(), 14)).trim() + "; other JVMs: "
                + (others.isEmpty() ? "none" : others.toString());
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException e) {
            return List.of();
        }
    }
}
