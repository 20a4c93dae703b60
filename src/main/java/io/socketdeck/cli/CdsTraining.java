package io.socketdeck.cli;

import java.io.IOException;
import java.io.InputStream;
import java.net.DatagramSocket;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/**
 * Not a user command: the build's training run for the command line's class-data-sharing archive
 * (the pom's {@code cds-cli-training}). It runs the commands people start most, {@code send tcp}
 * and {@code send udp}, in this JVM against listeners of its own on loopback (ports the system
 * picks), so that {@code -XX:DumpLoadedClassList} lists what a command line loads from its start
 * to its first bytes out. A command that fails ends the build: an archive trained on an error
 * path would leave the usual path's classes out.
 */
public final class CdsTraining {

    private CdsTraining() {
    }

    public static void main(String[] args) throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        try (ServerSocket tcp = new ServerSocket(0, 50, loopback); DatagramSocket udp = new DatagramSocket(0, loopback)) {
            Thread reader = new Thread(() -> drain(tcp), "cds-training-listener");
            reader.setDaemon(true);
            reader.start();
            String host = loopback.getHostAddress();
            require(Cli.run("send", "tcp", host, Integer.toString(tcp.getLocalPort()), "hi"), "send tcp");
            require(Cli.run("send", "udp", host, Integer.toString(udp.getLocalPort()), "hi"), "send udp");
        }
    }

    /** Takes each connection's bytes until it closes, as a peer that listens. */
    private static void drain(ServerSocket server) {
        byte[] buffer = new byte[4096];
        while (!server.isClosed()) {
            try (Socket client = server.accept(); InputStream in = client.getInputStream()) {
                while (in.read(buffer) >= 0) {
                    // nothing to do with it
                }
            } catch (IOException closed) {
                return;
            }
        }
    }

    private static void require(int exitCode, String what) {
        if (exitCode != ExitCode.OK.code()) {
            throw new IllegalStateException(what + " ended with " + exitCode + " in the training run");
        }
    }
}
