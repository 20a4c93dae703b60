package io.socketdeck.ui.log;

/** One byte stream in a log: a peer in one direction. Decoder state is kept per stream. */
record StreamKey(String peer, LogEntry.Kind kind) {
}
