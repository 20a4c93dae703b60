package io.socketdeck.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs every benchmark and prints {@code name: value} lines on stdout (notes go to stderr).
 * Started by {@code mvn -q -Pbench verify}.
 *
 * <p>Each group runs in a fresh JVM with this one's options, so one group's heap sizing and
 * compiled code never colour the next. Inside a group, figures compared as a ratio are measured
 * in the same JVM, alternating.
 */
public final class BenchMain {

    private static final List<String> GROUPS = List.of("tcp", "ui", "server", "udp", "periodic", "filesend", "capture",
            "reliability");
    /** The send and receive toolkit's groups, also selected together by {@code -Dbench.only=toolkit}. */
    private static final List<String> TOOLKIT = List.of("periodic", "filesend", "capture");

    private BenchMain() {
    }

    public static void main(String[] args) throws Exception {
        String only = args.length > 0 ? args[0].trim() : "";
        if (args.length > 1 && args[1].equals("--in-process")) {
            try {
                runGroup(only);
            } catch (Exception | Error e) {
                // The FX thread is not a daemon: without an explicit exit a failed group would hang the run.
                e.printStackTrace();
                System.exit(1);
            }
            System.exit(0);
        }
        for (String group : GROUPS) {
            if (only.isEmpty() || only.contains(group) || only.contains("toolkit") && TOOLKIT.contains(group)) {
                int exit = fork(group);
                if (exit != 0) {
                    System.err.println("# benchmark group " + group + " failed with exit code " + exit);
                    System.exit(exit);
                }
            }
        }
    }

    private static void runGroup(String group) throws Exception {
        if (!TOOLKIT.contains(group)) {
            Fx.start(); // the toolkit's engine benches need no FX thread pulsing beside them
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
            case "udp-rx" -> UdpRxBench.run(); // one half of "udp", for diagnosis
            case "udp-flood" -> UdpFloodBench.run();
            default -> throw new IllegalArgumentException("unknown benchmark group " + group);
        }
    }

    private static int fork(String group) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
        command.add("-cp");
        command.add(System.getProperty("java.class.path"));
        command.add(BenchMain.class.getName());
        command.add(group);
        command.add("--in-process");
        return new ProcessBuilder(command).inheritIO().start().waitFor();
    }
}
