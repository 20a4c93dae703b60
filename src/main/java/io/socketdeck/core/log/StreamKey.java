package io.socketdeck.core.log;

/** One byte stream in a log: a peer in one direction. Decoder state is kept per stream. */
record StreamKey(String peer, LogEntry.Kind kind) {
}
