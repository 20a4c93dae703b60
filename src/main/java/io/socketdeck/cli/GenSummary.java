package io.socketdeck.cli;

import io.socketdeck.core.stats.RoundTripStats;

/**
 * What a generator run achieved.
 *
 * @param messages      sends the system took whole (one datagram, one TCP write request)
 * @param bytes         their bytes
 * @param seconds       from the first send to the end of sending
 * @param rate          messages a second
 * @param megabytesPerSecond bytes a second / 1,000,000
 * @param errors        failures and missing replies
 * @param replies       answers received in request/response mode, -1 otherwise
 * @param roundTrips    their round trips in request/response mode, null otherwise
 * @param interrupted   ended by Ctrl+C
 */
record GenSummary(long messages, long bytes, double seconds, double rate, double megabytesPerSecond, long errors,
                  long replies, RoundTripStats.Summary roundTrips, boolean interrupted) {
}
