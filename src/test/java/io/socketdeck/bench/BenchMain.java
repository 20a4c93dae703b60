package io.socketdeck.bench;

import io.socketdeck.core.runtime.HeapFootprint;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs every benchmark and prints {@code name: value} lines on stdout (notes go to stderr).
 * Started by {@code mvn -q -Pbench verify}.
 *
 * <p>Each group runs in a fresh JVM with this one's options, so one group's heap sizing and
 * compiled code never colour the next. Inside a group, figures compared as a ratio are measured
 * in the same JVM, alternating.
 *
 * <p>A figure with a target says whether it met it (see {@link Figures}). Every group runs even
 * when one before it failed; at the end a summary lists the missed targets (also written to
 * {@code target/bench-results.md}, a table for the README), and the run exits non-zero when a
 * target was missed ({@link Figures#MISSED_EXIT}) or a group failed to run (1).
 */
public final class BenchMain {

    private static final List<String> GROUPS =
            List.of("idle", "tcp", "ui", "server", "udp", "periodic", "filesend", "capture", "reliability", "responders",
                    "coldstart", "cli", "tls", "relay");
    /** The send and receive toolkit's groups, also selected together by {@code -Dbench.only=toolkit}. */
    private static final List<String> TOOLKIT = List.of("periodic", "filesend", "capture");
    /** Groups whose JVM needs no FX toolkit of its own. */
    private static final List<String> NO_FX = List.of("filesend", "coldstart", "cli");

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String only = args.length > 0 ? args[0].trim() : "";
        if (args.length > 1 && args[1].equals("--in-process")) {
            try {
                runGroup(only);
                Fx.shutdown();
            } catch (Exception | Error e) {
                // The FX thread is not a daemon: without an explicit exit a failed group would hang the run.
                e.printStackTrace();
                System.exit(1);
            }
            System.exit(Figures.anyMissed() ? Figures.MISSED_EXIT : 0);
        }
        Path results = Files.createDirectories(Path.of("target")).resolve("bench-results.tsv");
        Files.deleteIfExists(results);
        Machine.describe().forEach(line -> Figures.note(line));
        Map<String, Integer> exits = new LinkedHashMap<>();
        Map<String, String> loads = new LinkedHashMap<>();
        for (String group : GROUPS) {
            if (only.isEmpty() || only.contains(group) || only.contains("toolkit") && TOOLKIT.contains(group)) {
                loads.put(group, Machine.load());
                Figures.note("group " + group + " (" + loads.get(group) + ")");
                int exit = fork(group, results);
                exits.put(group, exit);
                if (exit != 0 && exit != Figures.MISSED_EXIT) {
                    System.err.println("# benchmark group " + group + " failed with exit code " + exit);
                }
            }
        }
        System.exit(summarize(exits, loads, results));
    }

    private static void runGroup(String group) throws Exception {
        HeapFootprint.start(); // as the Launcher does: the heap is measured as it is managed in the app
        if (!NO_FX.contains(group)) {
            Fx.start();
        }
        switch (group) {
            case "tcp" -> TcpIngestBench.run();
            case "ui" -> UiFloodBench.run();
            case "udp" -> {
                UdpRxBench.run();
                UdpFloodBench.run();
            }
            case "server" -> ServerBench.run();
            case "idle" -> UiFloodBench.idleBaseline();
            case "periodic" -> PeriodicBench.run();
            case "filesend" -> FileSendBench.run();
            case "capture" -> CaptureBench.run();
            case "reliability" -> ReliabilityBench.run();
            case "coldstart" -> ColdStartBench.run();
            case "responders" -> RespondersBench.run();
            case "cli" -> CliBench.run();
            case "tls" -> {
                TlsIngestBench.run();
                TlsServerBench.run();
            }
            case "relay" -> RelayBench.run();
            case "udp-rx" -> UdpRxBench.run(); // one half of "udp", for diagnosis
            case "udp-flood" -> UdpFloodBench.run();
            case "tls-ingest" -> TlsIngestBench.run(); // the halves of "tls", for diagnosis
            case "tls-server" -> TlsServerBench.run();
            default -> throw new IllegalArgumentException("unknown benchmark group " + group);
        }
    }

    private static int fork(String group, Path results) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-Dbench.results=" + results.toAbsolutePath());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BenchMain.class.getName());
        command.add(group);
        command.add("--in-process");
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }

    /** Notes what missed, writes the run's table and gives the run's exit code. */
    private static int summarize(Map<String, Integer> exits, Map<String, String> loads, Path results) throws Exception {
        List<String[]> rows = new ArrayList<>();
        if (Files.exists(results)) {
            for (String line : Files.readAllLines(results, StandardCharsets.UTF_8)) {
                rows.add(line.split("\t", -1));
            }
        }
        List<String> missed = rows.stream().filter(row -> row[3].equals("FAIL"))
                .map(row -> row[0] + " " + row[1] + (row[2].isEmpty() ? "" : " (target " + row[2] + ")")).toList();
        List<String> crashed = exits.entrySet().stream()
                .filter(e -> e.getValue() != 0 && e.getValue() != Figures.MISSED_EXIT).map(Map.Entry::getKey).toList();
        long targets = rows.stream().filter(row -> !row[3].isEmpty()).count();
        Figures.note(String.format("%d figures, %d with a target, %d missed%s", rows.size(), targets, missed.size(),
                missed.isEmpty() ? "" : ": " + String.join(", ", missed)));
        if (!crashed.isEmpty()) {
            Figures.note("groups that failed to run: " + crashed);
        }
        StringBuilder table = new StringBuilder();
        Machine.describe().forEach(line -> table.append(line).append("  \n"));
        loads.forEach((group, load) -> table.append("group ").append(group).append(" started at ").append(load)
                .append("  \n"));
        table.append("\n| figure | what | target | value | met |\n|---|---|---|---|---|\n");
        for (String[] row : rows) {
            table.append("| `").append(row[0]).append("` | ").append(row[4]).append(" | ")
                    .append(row[2].replace("<=", "≤").replace(">=", "≥")).append(" | ").append(row[1]).append(" | ")
                    .append(row[3].equals("FAIL") ? "**no**" : row[3].equals("ok") ? "yes" : "").append(" |\n");
        }
        Path markdown = results.resolveSibling("bench-results.md");
        Files.writeString(markdown, table, StandardCharsets.UTF_8);
        Figures.note("table of this run: " + markdown);
        return !crashed.isEmpty() ? 1 : missed.isEmpty() ? 0 : Figures.MISSED_EXIT;
    }
}
