package io.socketdeck.ui.tcpserver;

/** One column of the client table's sort, by the column's automation id, and its direction. */
record ColumnSort(String columnId, boolean ascending) {
}
