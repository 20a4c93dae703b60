package io.socketdeck.cli;

/** What a command speaks: {@code tcp} or {@code udp}, as typed (picocli ignores the case). */
public enum Protocol {
    TCP, UDP
}
