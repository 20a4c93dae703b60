package io.socketdeck.core.options;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * What {@code ss -tniom} (iproute2) says about one TCP connection on loopback: the kernel's own
 * view of its timers and buffers, a second witness beside {@code getOption}.
 */
final class SsProbe {

    private SsProbe() {
    }

    /** True when {@code ss} runs here. */
    static boolean available() {
        try {
            Process process = new ProcessBuilder("ss", "-V").redirectErrorStream(true).start();
            process.getInputStream().readAllBytes();
            return process.waitFor(10, TimeUnit.SECONDS) && process.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The entry of the connection from local port {@code sport} to remote port {@code dport}; empty when none. */
    static String connection(int sport, int dport) {
        try {
            Process process = new ProcessBuilder("ss", "-tniomH", "state", "established",
                    "( sport = :" + sport + " and dport = :" + dport + " )").redirectErrorStream(true).start();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(10, TimeUnit.SECONDS);
            return out.strip();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "";
        }
    }

    /** The number after {@code key} inside {@code skmem:(...)}, e.g. "rb" → the receive buffer. */
    static long skmem(String entry, String key) {
        int start = entry.indexOf("skmem:(");
        if (start < 0) {
            return -1;
        }
        String inner = entry.substring(start + 7, entry.indexOf(')', start));
        for (String part : inner.split(",")) {
            if (part.startsWith(key) && part.substring(key.length()).chars().allMatch(Character::isDigit)) {
                return Long.parseLong(part.substring(key.length()));
            }
        }
        return -1;
    }
}
