package io.socketdeck.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What the Linux kernel itself dropped: a receiving socket's own drop counter in
 * {@code /proc/net/udp} (and {@code udp6}), plus the machine-wide UDP and backlog counters for
 * context. -1 where the file is missing (not Linux).
 */
final class KernelUdpStats {

    private KernelUdpStats() {
    }

    /** The "drops" column of the sockets bound to {@code port}: datagrams their full queue refused. */
    static long socketDrops(int port) {
        long drops = -1;
        for (String file : List.of("/proc/net/udp", "/proc/net/udp6")) {
            for (String line : lines(file)) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length < 13 || !fields[1].contains(":") || fields[0].equals("sl")) {
                    continue;
                }
                String local = fields[1];
                if (Integer.parseInt(local.substring(local.lastIndexOf(':') + 1), 16) == port) {
                    drops = Math.max(drops, 0) + Long.parseLong(fields[fields.length - 1]);
                }
            }
        }
        return drops;
    }

    /** Udp RcvbufErrors from {@code /proc/net/snmp}: every socket on the machine. */
    static long rcvbufErrors() {
        List<String> udp = lines("/proc/net/snmp").stream().filter(l -> l.startsWith("Udp: ")).toList();
        if (udp.size() < 2) {
            return -1;
        }
        List<String> names = List.of(udp.get(0).split("\\s+"));
        String[] values = udp.get(1).split("\\s+");
        int column = names.indexOf("RcvbufErrors");
        return column < 0 ? -1 : Long.parseLong(values[column]);
    }

    /** Packets the per-CPU input backlog dropped ({@code /proc/net/softnet_stat}, column 2). */
    static long backlogDrops() {
        long total = 0;
        List<String> cpus = lines("/proc/net/softnet_stat");
        if (cpus.isEmpty()) {
            return -1;
        }
        for (String cpu : cpus) {
            String[] fields = cpu.trim().split("\\s+");
            total += Long.parseLong(fields[1], 16);
        }
        return total;
    }

    private static List<String> lines(String file) {
        try {
            return Files.readAllLines(Path.of(file));
        } catch (IOException e) {
            return List.of();
        }
    }
}
