package io.socketdeck.ui.log;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/**
 * A row's time as "HH:mm:ss.SSS", its "HH:mm:ss" formatted once per second: the rows of a flood
 * share their second, and the list formats each row several times a pulse (it measures rows with
 * one cell before it lays them out in others). One per cell, so one thread's.
 */
final class RowTime {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());

    private long second = Long.MIN_VALUE;
    private String secondText;

    String format(long timeMillis) {
        long epochSecond = Math.floorDiv(timeMillis, 1000);
        if (epochSecond != second) {
            secondText = SECONDS.format(Instant.ofEpochSecond(epochSecond));
            second = epochSecond;
        }
        int millis = (int) Math.floorMod(timeMillis, 1000);
        return secondText + (millis < 10 ? ".00" : millis < 100 ? ".0" : ".") + millis;
    }
}
